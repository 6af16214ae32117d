using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Redis;

/// <summary>
/// The process's one Redis connection (<see cref="RedisOptions"/>), opened on first use and shared by everything that
/// talks to Redis: the batch store through <see cref="GetDatabaseAsync"/>, others through the <see cref="IConnectionMultiplexer"/>
/// that <see cref="RedisServiceCollectionExtensions.AddHeteroRedis"/> registers over it. An unreachable server fails with a
/// message naming the configured endpoint and how to start a local one.
/// </summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly RedisOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    /// <summary>Creates the (not yet opened) connection.</summary>
    public RedisConnection(IOptions<RedisOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
    }

    /// <summary>The database, connecting first if needed.</summary>
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken) =>
        (await GetMultiplexerAsync(cancellationToken).ConfigureAwait(false)).GetDatabase();

    /// <summary>The connection, opening it first if needed.</summary>
    public async ValueTask<IConnectionMultiplexer> GetMultiplexerAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_multiplexer is null)
            {
                var config = RedisConfigurationFactory.Create(_options);
                try
                {
                    _multiplexer = await ConnectionMultiplexer.ConnectAsync(config).ConfigureAwait(false);
                }
                catch (RedisConnectionException ex)
                {
                    throw Unreachable(config, ex);
                }
            }

            return _multiplexer;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The connection, opening it first if needed, for callers that cannot wait asynchronously (a service factory).</summary>
    public IConnectionMultiplexer GetMultiplexer()
    {
        if (_multiplexer is { } existing)
        {
            return existing;
        }

        _gate.Wait();
        try
        {
            if (_multiplexer is null)
            {
                var config = RedisConfigurationFactory.Create(_options);
                try
                {
                    _multiplexer = ConnectionMultiplexer.Connect(config);
                }
                catch (RedisConnectionException ex)
                {
                    throw Unreachable(config, ex);
                }
            }

            return _multiplexer;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is not null)
        {
            await _multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }

    private static InvalidOperationException Unreachable(ConfigurationOptions config, RedisConnectionException ex) => new(
        $"Cannot reach Redis at '{string.Join(",", config.EndPoints)}'{(config.Ssl ? " over TLS" : string.Empty)} (Hetero:Redis:Configuration / HETERO__REDIS__CONFIGURATION; " +
        "AUTH: Hetero:Redis:Password or PasswordFile; TLS: Hetero:Redis:UseTls, TlsCaCertificatePath). " +
        "Start a local one with `bash .ci/start-services.sh`, or point the setting at your server.", ex);
}

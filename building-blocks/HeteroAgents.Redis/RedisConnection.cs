using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Options;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// The process's Redis connection, opened on first use. An unreachable server fails with a message naming
/// the configured endpoint and how to start a local one.
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
    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (_multiplexer is { } existing)
        {
            return existing.GetDatabase();
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_multiplexer is null)
            {
                var config = RedisConfigurationFactory.Create(_options);
                try
                {
                    _multiplexer = await ConnectionMultiplexer.ConnectAsync(config);
                }
                catch (RedisConnectionException ex)
                {
                    throw new InvalidOperationException(
                        $"Cannot reach Redis at '{string.Join(",", config.EndPoints)}'{(config.Ssl ? " over TLS" : string.Empty)} (Hetero:Redis:Configuration / HETERO__REDIS__CONFIGURATION; " +
                        "AUTH: Hetero:Redis:Password or PasswordFile; TLS: Hetero:Redis:UseTls, TlsCaCertificatePath). " +
                        "Start a local one with `bash .ci/start-services.sh`, or point the setting at your server.", ex);
                }
            }

            return _multiplexer.GetDatabase();
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
            await _multiplexer.DisposeAsync();
        }

        _gate.Dispose();
    }
}

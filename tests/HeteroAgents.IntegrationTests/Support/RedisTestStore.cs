using HeteroAgents.Testing.Brokers;
using StackExchange.Redis;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>The real Redis for a test: a unique key prefix, deleted afterwards. Fails with instructions when Redis is down.</summary>
internal sealed class RedisTestStore : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;

    private RedisTestStore(ConnectionMultiplexer redis, string configuration, string prefix)
    {
        _redis = redis;
        Configuration = configuration;
        KeyPrefix = prefix;
    }

    public string Configuration { get; }

    public string KeyPrefix { get; }

    public IDatabase Database => _redis.GetDatabase();

    public static async Task<RedisTestStore> CreateAsync()
    {
        var configuration = TestBrokers.Current.Redis;
        try
        {
            var options = ConfigurationOptions.Parse(configuration);
            options.ConnectTimeout = 3_000;
            var redis = await ConnectionMultiplexer.ConnectAsync(options);
            return new RedisTestStore(redis, configuration, $"hetero-it:{Guid.NewGuid():N}:");
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException(
                $"These tests need a running Redis at {configuration}. Start it with `bash .ci/start-services.sh` (or set HETERO_TEST_REDIS).", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        var db = _redis.GetDatabase();
        var keys = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", values: [KeyPrefix + "*"]))!;
        foreach (var key in keys)
        {
            await db.KeyDeleteAsync((string)key!);
        }

        await _redis.DisposeAsync();
    }
}

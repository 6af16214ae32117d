using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Redis;
using HeteroAgents.Testing.Brokers;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>
/// The real Redis the tests run against: <see cref="TestBrokers.Current"/>, with a key prefix
/// unique to this run (deleted afterwards). Fails with instructions when Redis is not running.
/// </summary>
public sealed class RedisFixture : IAsyncLifetime
{
    public RedisOptions Options { get; } = new()
    {
        Configuration = TestBrokers.Current.Redis,
        KeyPrefix = $"hetero-test:{Guid.NewGuid():N}:",
        BatchTtl = TimeSpan.FromHours(1),
        ConnectTimeoutMs = 3_000,
    };

    public RedisConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(Options));
        try
        {
            await Connection.GetDatabaseAsync(default);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"These tests need a running Redis at {Options.Configuration}. Start it with `bash .ci/start-services.sh` " +
                "(or set HETERO_TEST_REDIS). " + ex.Message, ex);
        }
    }

    public async Task<TimeSpan?> TimeToLiveAsync(string key) => await (await Connection.GetDatabaseAsync(default)).KeyTimeToLiveAsync(key);

    public async Task DisposeAsync()
    {
        var db = await Connection.GetDatabaseAsync(default);
        var keys = (RedisResult[])(await db.ScriptEvaluateAsync("return redis.call('KEYS', ARGV[1])", values: [Options.KeyPrefix + "*"]))!;
        foreach (var key in keys)
        {
            await db.KeyDeleteAsync((string)key!);
        }

        await Connection.DisposeAsync();
    }
}

using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Redis;

namespace HeteroAgents.Orchestrator.Tests.Store;

/// <summary>The store contract against the real Redis (fails, never skips, when Redis is not running).</summary>
public sealed class RedisBatchStoreTests : BatchStoreContractTests, IClassFixture<RedisFixture>
{
    private readonly RedisFixture _redis;

    public RedisBatchStoreTests(RedisFixture redis)
    {
        _redis = redis;
        Store = new RedisBatchStore(redis.Connection, Microsoft.Extensions.Options.Options.Create(redis.Options));
    }

    protected override IBatchStore Store { get; }

    [Fact]
    public async Task Batch_state_survives_a_new_connection_like_an_orchestrator_restart()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", DateTimeOffset.UnixEpoch, default);
        await Store.RegisterAsync(id, Contracts.TaskIds.Create(id, "t"), 1, Contracts.TaskType.Classify, "t", default);
        await Store.MarkSubmittedAsync(id, default);

        await using var freshConnection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(_redis.Options));
        var restarted = new RedisBatchStore(freshConnection, Microsoft.Extensions.Options.Options.Create(_redis.Options));
        var info = await restarted.GetAsync(id, default);

        Assert.NotNull(info);
        Assert.Equal(BatchState.Running, info.State);
        Assert.Equal(1, info.Counts.Total);
    }

    [Fact]
    public async Task A_registration_repeated_after_a_lost_reply_counts_once_and_stays_new()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", DateTimeOffset.UnixEpoch, default);
        var task = Contracts.TaskIds.Create(id, "t");

        var first = await Store.RegisterAsync(id, task, 1, Contracts.TaskType.Classify, "t", default);
        var retried = await Store.RegisterAsync(id, task, 1, Contracts.TaskType.Classify, "t", default);
        var repeatedCustomId = await Store.RegisterAsync(id, task, 7, Contracts.TaskType.Classify, "t", default);

        Assert.True(first.IsNew);
        Assert.True(retried.IsNew);
        Assert.False(repeatedCustomId.IsNew);
        Assert.Equal(1, repeatedCustomId.FirstLine);
        Assert.Equal(2, (await Store.GetAsync(id, default))!.Counts.Total);
    }

    [Fact]
    public async Task Batch_keys_expire_after_the_configured_ttl()
    {
        var id = NewBatchId();
        await Store.CreateAsync(id, "in", DateTimeOffset.UnixEpoch, default);
        await Store.MarkSubmittedAsync(id, default);

        var ttl = await _redis.TimeToLiveAsync($"{_redis.Options.KeyPrefix}batch:{id}");

        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(50), _redis.Options.BatchTtl);
    }

    [Fact]
    public async Task Unreachable_redis_fails_with_a_message_naming_the_setting_and_the_start_script()
    {
        var options = new RedisOptions { Configuration = "127.0.0.1:1", ConnectTimeoutMs = 500 };
        await using var connection = new RedisConnection(Microsoft.Extensions.Options.Options.Create(options));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.GetDatabaseAsync(default).AsTask());

        Assert.Contains("Hetero:Redis:Configuration", ex.Message, StringComparison.Ordinal);
        Assert.Contains(".ci/start-services.sh", ex.Message, StringComparison.Ordinal);
    }
}

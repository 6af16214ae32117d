using HeteroAgents.Orchestrator.Routing;
using HeteroAgents.Orchestrator.Tests.Support;

namespace HeteroAgents.Orchestrator.Tests.Routing;

/// <summary>Both policy stores: each write keeps the replaced document, rollback restores them newest first, candidates sit beside.</summary>
public sealed class RoutingPolicyStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-policy-store-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public Task The_file_store_writes_atomically_and_rolls_back_newest_first() =>
        WritesAndRollsBackAsync(new FileRoutingPolicyStore(Path.Combine(_directory, "sub", "policy.json")));

    [Fact]
    public Task The_Redis_store_writes_and_rolls_back_newest_first() =>
        WritesAndRollsBackAsync(new RedisRoutingPolicyStore(redis.Connection, $"hetero-test:{Guid.NewGuid():N}:policy"));

    private async Task WritesAndRollsBackAsync(IRoutingPolicyStore store)
    {
        var ct = CancellationToken.None;
        Assert.Null(await store.ReadAsync(ct));
        Assert.Null(await store.RollbackAsync(ct));

        await store.WriteAsync("""{"version":"v1"}""", ct);
        await store.WriteAsync("""{"version":"v2"}""", ct);
        await store.WriteAsync("{\"version\":\"v3\",\n\"description\":\"two\\nlines\"}", ct);
        Assert.Equal(2, await store.HistoryCountAsync(ct));
        Assert.Contains("v3", await store.ReadAsync(ct), StringComparison.Ordinal);

        Assert.Equal("""{"version":"v2"}""", await store.RollbackAsync(ct));
        Assert.Equal("""{"version":"v2"}""", await store.ReadAsync(ct));
        Assert.Equal("""{"version":"v1"}""", await store.RollbackAsync(ct));
        Assert.Null(await store.RollbackAsync(ct));
        Assert.Equal("""{"version":"v1"}""", await store.ReadAsync(ct));

        Assert.Null(await store.ReadCandidatesAsync(ct));
        await store.WriteCandidatesAsync("[]", ct);
        Assert.Equal("[]", await store.ReadCandidatesAsync(ct));
        Assert.Empty(Directory.EnumerateFiles(_directory, "*.tmp", SearchOption.AllDirectories));
    }
}

using HeteroAgents.Redis;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>
/// The routing policy in a Redis string key (what workers read with <c>Hetero:Routing:PolicyRedisKey</c>): replaced
/// documents in the list <c>&lt;key&gt;:history</c> (newest last), candidates in <c>&lt;key&gt;:models</c>; each write
/// and each rollback is one MULTI/EXEC transaction.
/// </summary>
/// <param name="connection">The process's Redis connection (<c>Hetero:Redis</c>).</param>
/// <param name="key">The policy key.</param>
public sealed class RedisRoutingPolicyStore(RedisConnection connection, string key) : IRoutingPolicyStore
{
    /// <summary>The key workers and the loop use when none is configured.</summary>
    public const string DefaultKey = "hetero:routing-policy";

    /// <inheritdoc />
    public string Name => $"Redis key {key}";

    private RedisKey History => key + ":history";

    private RedisKey Candidates => key + ":models";

    /// <inheritdoc />
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var value = await db.StringGetAsync(key).ConfigureAwait(false);
        return value.HasValue ? value.ToString() : null;
    }

    /// <inheritdoc />
    public async Task WriteAsync(string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(json);
        var db = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var previous = await db.StringGetAsync(key).ConfigureAwait(false);
        var transaction = db.CreateTransaction();
        transaction.AddCondition(previous.HasValue ? Condition.StringEqual(key, previous) : Condition.KeyNotExists(key));
        if (previous.HasValue)
        {
            _ = transaction.ListRightPushAsync(History, previous);
        }

        _ = transaction.StringSetAsync(key, json);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{Name} changed while it was being replaced (another writer); run the command again");
        }
    }

    /// <inheritdoc />
    public async Task<string?> RollbackAsync(CancellationToken cancellationToken)
    {
        var db = await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false);
        var last = await db.ListGetByIndexAsync(History, -1).ConfigureAwait(false);
        if (!last.HasValue)
        {
            return null;
        }

        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.ListIndexEqual(History, -1, last));
        _ = transaction.ListRightPopAsync(History);
        _ = transaction.StringSetAsync(key, last);
        return await transaction.ExecuteAsync().ConfigureAwait(false)
            ? last.ToString()
            : throw new InvalidOperationException($"{Name}: the history changed during the rollback (another writer); run the command again");
    }

    /// <inheritdoc />
    public async Task<long> HistoryCountAsync(CancellationToken cancellationToken) =>
        await (await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false)).ListLengthAsync(History).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task<string?> ReadCandidatesAsync(CancellationToken cancellationToken)
    {
        var value = await (await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false)).StringGetAsync(Candidates).ConfigureAwait(false);
        return value.HasValue ? value.ToString() : null;
    }

    /// <inheritdoc />
    public async Task WriteCandidatesAsync(string json, CancellationToken cancellationToken) =>
        await (await connection.GetDatabaseAsync(cancellationToken).ConfigureAwait(false)).StringSetAsync(Candidates, json).ConfigureAwait(false);
}

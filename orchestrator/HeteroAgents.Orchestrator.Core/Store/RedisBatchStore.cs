using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// Batch store in Redis; job state survives orchestrator restarts. Keys per batch (prefix from
/// <see cref="RedisOptions.KeyPrefix"/>): <c>batch:{id}</c> (hash: input path, created, state, counters),
/// <c>batch:{id}:tasks</c> (hash TaskId → "line|task|custom_id": duplicate detection and cancellation) and
/// <c>batch:{id}:out</c> (hash key → output line JSON). Recording is one Lua script: HSETNX of the line
/// and, only when it won, HINCRBY of the status counter, so counters and lines always agree.
/// Duplicate detection costs the orchestrator no memory: it lives in Redis, one field per line. Registering, recording,
/// marking submitted and reading a batch retry while Redis restarts (<see cref="RedisOptions.OutageRetryWindow"/>); those
/// commands are idempotent, so a retry after a lost reply changes nothing.
/// </summary>
public sealed class RedisBatchStore : IBatchStore
{
    private const string RecordScript = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
          redis.call('HINCRBY', KEYS[1], ARGV[3], 1)
          if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
          return 1
        end
        return 0
        """;

    // Idempotent, so it can be retried after a lost reply: the same TaskId registered again from the same line is
    // the same registration (counted once); from another line it is a repeated custom_id (counted, and its first line returned).
    private const string RegisterScript = """
        if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
          redis.call('HINCRBY', KEYS[1], 'total', 1)
          if redis.call('TTL', KEYS[2]) < 0 then redis.call('EXPIRE', KEYS[2], ARGV[3]) end
          return -1
        end
        local first = tonumber(string.match(redis.call('HGET', KEYS[2], ARGV[1]), '^(%d+)'))
        if first == tonumber(ARGV[4]) then return -1 end
        redis.call('HINCRBY', KEYS[1], 'total', 1)
        return first
        """;

    private readonly RedisConnection _connection;
    private readonly RedisOptions _options;
    private readonly RedisOutageRetry _retry;

    /// <summary>
    /// Creates the store over a shared connection. While Redis is unreachable (a restart), operations are retried for
    /// <see cref="RedisOptions.OutageRetryWindow"/>, timed by <paramref name="time"/> (default <see cref="TimeProvider.System"/>).
    /// </summary>
    public RedisBatchStore(RedisConnection connection, IOptions<RedisOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _connection = connection;
        _options = options.Value;
        _retry = new RedisOutageRetry(_options.OutageRetryWindow, time ?? TimeProvider.System);
    }

    private long TtlSeconds => (long)_options.BatchTtl.TotalSeconds;

    /// <inheritdoc />
    public async Task CreateAsync(string batchId, string inputPath, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        var key = BatchKey(batchId);
        if (!await db.HashSetAsync(key, "state", "submitting", When.NotExists))
        {
            throw new InvalidOperationException($"Batch '{batchId}' already exists.");
        }

        await db.HashSetAsync(key,
        [
            new HashEntry("input_path", inputPath),
            new HashEntry("created_at", createdAt.ToString("O", CultureInfo.InvariantCulture)),
            new HashEntry("total", 0), new HashEntry("completed", 0), new HashEntry("escalated", 0), new HashEntry("failed", 0),
        ]);
        await db.KeyExpireAsync(key, _options.BatchTtl);
    }

    /// <inheritdoc />
    public async Task<BatchInfo?> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        var entries = await _retry.RunAsync(() => db.HashGetAllAsync(BatchKey(batchId)), cancellationToken);
        if (entries.Length == 0)
        {
            return null;
        }

        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        long Count(string name) => fields.TryGetValue(name, out var v) && long.TryParse(v, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var counts = new BatchCounts(Count("total"), Count("completed"), Count("escalated"), Count("failed"));
        var state = fields.GetValueOrDefault("state") switch
        {
            "cancelled" => BatchState.Cancelled,
            "running" => counts.Done >= counts.Total ? BatchState.Completed : BatchState.Running,
            _ => BatchState.Submitting,
        };
        var created = DateTimeOffset.TryParse(fields.GetValueOrDefault("created_at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var c)
            ? c
            : DateTimeOffset.MinValue;
        return new BatchInfo(batchId, fields.GetValueOrDefault("input_path") ?? string.Empty, created, state, counts);
    }

    /// <inheritdoc />
    public async Task<TaskRegistration> RegisterAsync(string batchId, Guid taskId, long line, TaskType taskType, string customId, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        var value = string.Create(CultureInfo.InvariantCulture, $"{line}|{taskType.ToWireName()}|{customId}");
        var result = (long)await _retry.RunAsync(() => db.ScriptEvaluateAsync(RegisterScript,
            [BatchKey(batchId), TasksKey(batchId)], [taskId.ToString("N"), value, TtlSeconds, line]), cancellationToken);
        return result < 0 ? new TaskRegistration(true, line) : new TaskRegistration(false, result);
    }

    /// <inheritdoc />
    public async Task CountRejectedAsync(string batchId, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        // Not retried: a plain increment repeated after a lost reply would count the line twice and the batch would never
        // complete; failing the submission is the clearer outcome.
        await db.HashIncrementAsync(BatchKey(batchId), "total");
    }

    /// <inheritdoc />
    public async Task<bool> RecordAsync(string batchId, Guid key, BatchOutputLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        var counter = line.Status switch
        {
            BatchTaskStatus.Completed => "completed",
            BatchTaskStatus.Escalated => "escalated",
            _ => "failed",
        };
        var json = JsonSerializer.Serialize(line, HeteroJson.Options);
        var result = (long)await _retry.RunAsync(() => db.ScriptEvaluateAsync(RecordScript,
            [BatchKey(batchId), OutKey(batchId)], [key.ToString("N"), json, counter, TtlSeconds]), cancellationToken);
        return result == 1;
    }

    /// <inheritdoc />
    public async Task MarkSubmittedAsync(string batchId, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        const string script = """
            if redis.call('HGET', KEYS[1], 'state') == 'submitting' then redis.call('HSET', KEYS[1], 'state', 'running') end
            return 1
            """;
        await _retry.RunAsync(async () =>
        {
            await db.ScriptEvaluateAsync(script, [BatchKey(batchId)]);
            foreach (var key in new[] { BatchKey(batchId), TasksKey(batchId), OutKey(batchId) })
            {
                await db.KeyExpireAsync(key, _options.BatchTtl);
            }
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        if (!await db.KeyExistsAsync(BatchKey(batchId)))
        {
            return false;
        }

        await db.HashSetAsync(BatchKey(batchId), "state", "cancelled");
        await foreach (var entry in db.HashScanAsync(TasksKey(batchId), pageSize: 1000).WithCancellation(cancellationToken))
        {
            var parts = entry.Value.ToString().Split('|', 3);
            if (parts.Length == 3 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var line) && TaskType.TryNormalize(parts[1], out var type))
            {
                await RecordAsync(batchId, Guid.ParseExact(entry.Name.ToString(), "N"),
                    InMemoryBatchStore.CancelledLine(TaskType.Named(type), parts[2], line), cancellationToken);
            }
        }

        return true;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BatchOutputLine> ReadOutputAsync(string batchId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var db = await _connection.GetDatabaseAsync(cancellationToken);
        await foreach (var entry in db.HashScanAsync(OutKey(batchId), pageSize: 1000).WithCancellation(cancellationToken))
        {
            yield return JsonSerializer.Deserialize<BatchOutputLine>((string)entry.Value!, HeteroJson.Options)!;
        }
    }

    private RedisKey BatchKey(string batchId) => $"{_options.KeyPrefix}batch:{batchId}";

    private RedisKey TasksKey(string batchId) => $"{_options.KeyPrefix}batch:{batchId}:tasks";

    private RedisKey OutKey(string batchId) => $"{_options.KeyPrefix}batch:{batchId}:out";
}

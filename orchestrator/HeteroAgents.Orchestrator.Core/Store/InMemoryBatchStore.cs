using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// Batch store in process memory, for the embedded default (<c>batch run</c> on the in-memory transport).
/// Duplicate detection is exact: it keys registrations by TaskId, a 128-bit SHA-256-derived id of
/// (batch, custom_id), so 16 bytes plus a small record per line; output lines are kept serialized.
/// State ends with the process; use the Redis store for jobs that must survive a restart.
/// </summary>
public sealed class InMemoryBatchStore : IBatchStore
{
    private readonly ConcurrentDictionary<string, Batch> _batches = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task CreateAsync(string batchId, string inputPath, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        if (!_batches.TryAdd(batchId, new Batch(inputPath, createdAt)))
        {
            throw new InvalidOperationException($"Batch '{batchId}' already exists.");
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<BatchInfo?> GetAsync(string batchId, CancellationToken cancellationToken)
    {
        if (!_batches.TryGetValue(batchId, out var batch))
        {
            return Task.FromResult<BatchInfo?>(null);
        }

        var counts = new BatchCounts(Interlocked.Read(ref batch.Total), Interlocked.Read(ref batch.Completed),
            Interlocked.Read(ref batch.Escalated), Interlocked.Read(ref batch.Failed));
        var state = batch.State == BatchState.Running && counts.Done >= counts.Total ? BatchState.Completed : batch.State;
        return Task.FromResult<BatchInfo?>(new BatchInfo(batchId, batch.InputPath, batch.CreatedAt, state, counts));
    }

    /// <inheritdoc />
    public Task<TaskRegistration> RegisterAsync(string batchId, Guid taskId, long line, TaskType taskType, string customId, CancellationToken cancellationToken)
    {
        var batch = Get(batchId);
        Interlocked.Increment(ref batch.Total);
        var registered = batch.Tasks.GetOrAdd(taskId, new Registration(line, taskType, customId));
        return Task.FromResult(new TaskRegistration(registered.Line == line, registered.Line));
    }

    /// <inheritdoc />
    public Task CountRejectedAsync(string batchId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Get(batchId).Total);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> RecordAsync(string batchId, Guid key, BatchOutputLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!_batches.TryGetValue(batchId, out var batch))
        {
            return Task.FromResult(false);
        }

        if (!batch.Outputs.TryAdd(key, JsonSerializer.SerializeToUtf8Bytes(line, HeteroJson.Options)))
        {
            return Task.FromResult(false);
        }

        switch (line.Status)
        {
            case BatchTaskStatus.Completed:
                Interlocked.Increment(ref batch.Completed);
                break;
            case BatchTaskStatus.Escalated:
                Interlocked.Increment(ref batch.Escalated);
                break;
            default:
                Interlocked.Increment(ref batch.Failed);
                break;
        }

        return Task.FromResult(true);
    }

    /// <inheritdoc />
    public Task MarkSubmittedAsync(string batchId, CancellationToken cancellationToken)
    {
        var batch = Get(batchId);
        lock (batch)
        {
            if (batch.State == BatchState.Submitting)
            {
                batch.State = BatchState.Running;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<bool> CancelAsync(string batchId, CancellationToken cancellationToken)
    {
        if (!_batches.TryGetValue(batchId, out var batch))
        {
            return false;
        }

        lock (batch)
        {
            batch.State = BatchState.Cancelled;
        }

        foreach (var (taskId, registration) in batch.Tasks)
        {
            await RecordAsync(batchId, taskId, CancelledLine(registration.TaskType, registration.CustomId, registration.Line), cancellationToken);
        }

        return true;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<BatchOutputLine> ReadOutputAsync(string batchId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_batches.TryGetValue(batchId, out var batch))
        {
            yield break;
        }

        foreach (var bytes in batch.Outputs.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return JsonSerializer.Deserialize<BatchOutputLine>(bytes, HeteroJson.Options)!;
        }

        await Task.CompletedTask;
    }

    /// <summary>The failed output line a cancelled task gets.</summary>
    internal static BatchOutputLine CancelledLine(TaskType taskType, string customId, long line) =>
        BatchOutputLine.Failed(customId, taskType,
            new TaskError(TaskErrorCodes.Cancelled, $"line {line}: the batch was cancelled before this task had an outcome", line));

    private Batch Get(string batchId) =>
        _batches.TryGetValue(batchId, out var batch) ? batch : throw new InvalidOperationException($"Unknown batch '{batchId}'.");

    private sealed record Registration(long Line, TaskType TaskType, string CustomId);

    private sealed class Batch(string inputPath, DateTimeOffset createdAt)
    {
#pragma warning disable SA1401, CA1051 // counters are updated with Interlocked and need to be fields
        public long Total;
        public long Completed;
        public long Escalated;
        public long Failed;
#pragma warning restore SA1401, CA1051

        public string InputPath { get; } = inputPath;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public BatchState State { get; set; } = BatchState.Submitting;

        public ConcurrentDictionary<Guid, Registration> Tasks { get; } = new();

        public ConcurrentDictionary<Guid, byte[]> Outputs { get; } = new();
    }
}

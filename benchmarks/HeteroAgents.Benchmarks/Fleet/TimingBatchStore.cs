using System.Collections.Concurrent;
using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>Decorates the real batch store: remembers when each outcome was stored (and the worker's own time), and wakes waiters.</summary>
internal sealed class TimingBatchStore(IBatchStore inner) : IBatchStore
{
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource<(long Timestamp, long WorkerMs)>> _recorded = new();

    public Task<(long Timestamp, long WorkerMs)> WhenRecorded(Guid key) => Slot(key).Task;

    public bool TryGetRecorded(Guid key, out (long Timestamp, long WorkerMs) value)
    {
        value = default;
        return _recorded.TryGetValue(key, out var slot) && slot.Task.IsCompletedSuccessfully && (value = slot.Task.Result) != default;
    }

    public void Forget() => _recorded.Clear();

    public Task CreateAsync(string batchId, string inputPath, DateTimeOffset createdAt, CancellationToken cancellationToken) =>
        inner.CreateAsync(batchId, inputPath, createdAt, cancellationToken);

    public Task<BatchInfo?> GetAsync(string batchId, CancellationToken cancellationToken) => inner.GetAsync(batchId, cancellationToken);

    public Task<TaskRegistration> RegisterAsync(string batchId, Guid taskId, long line, TaskType taskType, string customId, CancellationToken cancellationToken) =>
        inner.RegisterAsync(batchId, taskId, line, taskType, customId, cancellationToken);

    public Task CountRejectedAsync(string batchId, CancellationToken cancellationToken) => inner.CountRejectedAsync(batchId, cancellationToken);

    public async Task<bool> RecordAsync(string batchId, Guid key, BatchOutputLine line, CancellationToken cancellationToken)
    {
        var won = await inner.RecordAsync(batchId, key, line, cancellationToken);
        if (won)
        {
            Slot(key).TrySetResult((Stopwatch.GetTimestamp(), line.LatencyMs ?? 0));
        }

        return won;
    }

    public Task MarkSubmittedAsync(string batchId, CancellationToken cancellationToken) => inner.MarkSubmittedAsync(batchId, cancellationToken);

    public Task<bool> CancelAsync(string batchId, CancellationToken cancellationToken) => inner.CancelAsync(batchId, cancellationToken);

    public IAsyncEnumerable<BatchOutputLine> ReadOutputAsync(string batchId, CancellationToken cancellationToken) => inner.ReadOutputAsync(batchId, cancellationToken);

    private TaskCompletionSource<(long, long)> Slot(Guid key) =>
        _recorded.GetOrAdd(key, _ => new TaskCompletionSource<(long, long)>(TaskCreationOptions.RunContinuationsAsynchronously));
}

using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Store;

/// <summary>
/// Batch job state: the batch record, the registered tasks (duplicate detection), one output line per task
/// (first write per key wins, so redelivered outcomes never duplicate a line) and the outcome counters.
/// </summary>
public interface IBatchStore
{
    /// <summary>Creates a batch in state <see cref="BatchState.Submitting"/>.</summary>
    Task CreateAsync(string batchId, string inputPath, DateTimeOffset createdAt, CancellationToken cancellationToken);

    /// <summary>The batch, or null when unknown.</summary>
    Task<BatchInfo?> GetAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>
    /// Registers one task line and counts it in the total. Calls made in line order are applied in line order,
    /// so the first occurrence of a task id wins; a later occurrence learns the first line's number.
    /// </summary>
    Task<TaskRegistration> RegisterAsync(string batchId, Guid taskId, long line, TaskType taskType, string customId, CancellationToken cancellationToken);

    /// <summary>Counts a line that could not be registered as a task (rejected input) in the total.</summary>
    Task CountRejectedAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Records an output line under <paramref name="key"/> unless one is already there; returns whether this write won.</summary>
    Task<bool> RecordAsync(string batchId, Guid key, BatchOutputLine line, CancellationToken cancellationToken);

    /// <summary>Marks the batch as fully read (<see cref="BatchState.Running"/>), unless it was cancelled.</summary>
    Task MarkSubmittedAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Cancels the batch: registered tasks without an outcome are failed with <see cref="TaskErrorCodes.Cancelled"/>. Returns false when the batch is unknown.</summary>
    Task<bool> CancelAsync(string batchId, CancellationToken cancellationToken);

    /// <summary>Streams every recorded output line of the batch (no particular order).</summary>
    IAsyncEnumerable<BatchOutputLine> ReadOutputAsync(string batchId, CancellationToken cancellationToken);
}

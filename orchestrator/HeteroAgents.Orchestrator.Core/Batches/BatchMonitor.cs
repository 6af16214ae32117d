using HeteroAgents.Orchestrator.Options;
using HeteroAgents.Orchestrator.Store;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>Waits for a batch to finish by polling its counters, reporting each poll.</summary>
public sealed class BatchMonitor
{
    private readonly IBatchStore _store;
    private readonly BatchJobOptions _options;
    private readonly TimeProvider _time;

    /// <summary>Creates the monitor.</summary>
    public BatchMonitor(IBatchStore store, IOptions<BatchJobOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _options = options.Value;
        _time = time;
    }

    /// <summary>
    /// Polls until the batch is completed or cancelled. <paramref name="submission"/> is the running submission
    /// (if this process submits): its failure ends the wait with that exception.
    /// </summary>
    public async Task<BatchInfo> WaitAsync(string batchId, Task? submission, Action<BatchInfo> onUpdate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        while (true)
        {
            if (submission is { IsFaulted: true } or { IsCanceled: true })
            {
                await submission;
            }

            var info = await _store.GetAsync(batchId, cancellationToken);
            if (info is null && submission is not { IsCompleted: false })
            {
                throw new InvalidOperationException($"Unknown batch '{batchId}'.");
            }

            if (info is not null)
            {
                onUpdate(info);
                if (info.State is BatchState.Completed or BatchState.Cancelled)
                {
                    return info;
                }
            }

            await Task.Delay(_options.PollInterval, _time, cancellationToken);
        }
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;
using MassTransit;

namespace HeteroAgents.Orchestrator.Recording;

/// <summary>
/// Writes each task outcome a worker publishes into the batch store as the task's output line. Idempotent:
/// the store keeps the first line per TaskId, so a redelivered or duplicated outcome changes nothing.
/// Outcomes of unknown batches (e.g. SK plugin sessions) are ignored by the store. Escalations stay
/// <c>escalated</c> here; resolving them with a frontier model is the escalation resolver's job.
/// </summary>
public sealed class TaskOutcomeRecorder : IConsumer<TaskCompleted>, IConsumer<TaskEscalated>, IConsumer<TaskFailed>
{
    private readonly IBatchStore _store;

    /// <summary>Creates the recorder over the batch store.</summary>
    public TaskOutcomeRecorder(IBatchStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskEscalated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m), context.CancellationToken);
    }
}

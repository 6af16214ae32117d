using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Orchestrator.Telemetry;
using HeteroAgents.Plugins;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Recording;

/// <summary>
/// Writes each task outcome a worker publishes into the batch store as the task's output line. Idempotent:
/// the store keeps the first line per TaskId, so a redelivered or duplicated outcome changes nothing.
/// Outcomes of unknown batches (e.g. SK plugin sessions) are ignored by the store. Without a frontier model,
/// escalations are recorded as <c>escalated</c>. With one (<c>Hetero:Frontier:Model</c> set, so the host runs
/// <see cref="FrontierEscalationConsumer"/>), escalations are left to it and its outcome is recorded instead, with the
/// SLM's escalation from <see cref="FrontierEscalationHeaders"/> (resolved when the frontier completed the task).
/// Each outcome recorded and each escalation received is counted in <see cref="OrchestratorMetrics"/> when one is given.
/// </summary>
public sealed class TaskOutcomeRecorder : IConsumer<TaskCompleted>, IConsumer<TaskEscalated>, IConsumer<TaskFailed>
{
    private readonly IBatchStore _store;
    private readonly bool _frontierResolves;
    private readonly OrchestratorMetrics? _metrics;

    /// <summary>
    /// Creates the recorder over the batch store; <paramref name="frontier"/> says whether a frontier model resolves
    /// escalations; <paramref name="metrics"/>, when given, counts outcomes and escalations.
    /// </summary>
    public TaskOutcomeRecorder(IBatchStore store, IOptions<FrontierOptions>? frontier = null, OrchestratorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _frontierResolves = frontier?.Value.IsConfigured == true;
        _store = store;
        _metrics = metrics;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        FrontierEscalationHeaders.TryGetEscalation(context, resolved: true, out var escalation);
        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m, escalation), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskEscalated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        _metrics?.RecordEscalation(m);
        if (_frontierResolves)
        {
            return Task.CompletedTask;
        }

        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var line = FrontierEscalationHeaders.TryGetEscalation(context, resolved: false, out var escalation)
            ? BatchOutputLine.From(m) with { Escalation = escalation }
            : BatchOutputLine.From(m);
        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, line, context.CancellationToken);
    }
}

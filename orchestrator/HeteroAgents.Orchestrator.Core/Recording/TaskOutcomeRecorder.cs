using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Orchestrator.Telemetry;
using MassTransit;

namespace HeteroAgents.Orchestrator.Recording;

/// <summary>
/// Writes each task outcome a worker publishes into the batch store as the task's output line. Idempotent:
/// the store keeps the first line per TaskId, so a redelivered or duplicated outcome changes nothing.
/// Outcomes of unknown batches (e.g. SK plugin sessions) are ignored by the store. Without a frontier model
/// (<see cref="FrontierAvailability"/>), escalations are recorded as <c>escalated</c>. With one (so the host runs
/// <see cref="FrontierEscalationConsumer"/>), escalations are left to it and its outcome is recorded instead, with the
/// SLM's escalation from the outcome's <c>escalation</c> field (contract version 2) or, for version-1 outcomes, from
/// <see cref="EscalationHeadersV1"/> (resolved when the frontier completed the task).
/// Every batch escalation, resolved later or not, is also appended to the conversion loop's log when an
/// <see cref="IEscalationLog"/> is registered; plugin sessions' escalations are logged by the plugin instead.
/// A completed answer picked for audit (<see cref="TaskAuditRequested"/>) is left to <see cref="FrontierAuditConsumer"/>,
/// which publishes its completed outcome after the audit; without a frontier model it is recorded as completed at once.
/// Each outcome recorded and each escalation received is counted in <see cref="OrchestratorMetrics"/> when one is given.
/// </summary>
public sealed class TaskOutcomeRecorder : IConsumer<TaskCompleted>, IConsumer<TaskEscalated>, IConsumer<TaskFailed>, IConsumer<TaskAuditRequested>
{
    private readonly IBatchStore _store;
    private readonly bool _frontierResolves;
    private readonly IEscalationLog? _escalationLog;
    private readonly OrchestratorMetrics? _metrics;

    /// <summary>
    /// Creates the recorder over the batch store; <paramref name="frontier"/> says whether a frontier model resolves escalations,
    /// <paramref name="escalationLog"/> (when given) receives every batch escalation, and <paramref name="metrics"/>, when given,
    /// counts outcomes and escalations.
    /// </summary>
    public TaskOutcomeRecorder(
        IBatchStore store, FrontierAvailability? frontier = null, IEscalationLog? escalationLog = null, OrchestratorMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _frontierResolves = frontier?.IsConfigured == true;
        _store = store;
        _escalationLog = escalationLog;
        _metrics = metrics;
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskCompleted> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var escalation = m.Escalation ?? EscalationHeadersV1.Read(context, resolved: true);
        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m, escalation), context.CancellationToken);
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TaskEscalated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        _metrics?.RecordEscalation(m);
        if (_escalationLog is not null && !PluginSession.IsPluginSession(m.BatchId))
        {
            await _escalationLog.AppendEscalationAsync(m, cancellationToken: context.CancellationToken).ConfigureAwait(false);
        }

        if (!_frontierResolves)
        {
            _metrics?.RecordOutcome(m);
            await _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m), context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskAuditRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_frontierResolves)
        {
            return Task.CompletedTask;
        }

        var m = context.Message.Completed;
        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m, m.Escalation), context.CancellationToken);
    }

    /// <inheritdoc />
    public Task Consume(ConsumeContext<TaskFailed> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var m = context.Message;
        var escalation = m.Escalation ?? EscalationHeadersV1.Read(context, resolved: false);
        _metrics?.RecordOutcome(m);
        return _store.RecordAsync(m.BatchId, m.TaskId, BatchOutputLine.From(m, escalation), context.CancellationToken);
    }
}

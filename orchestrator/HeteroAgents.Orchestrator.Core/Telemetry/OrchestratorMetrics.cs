using System.Diagnostics;
using System.Diagnostics.Metrics;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Telemetry;

/// <summary>
/// The orchestrator's metrics (meter <c>HeteroAgents.Orchestrator</c>): tasks submitted, outcomes recorded by type and
/// status, their latency, and escalations by reason. docs/TELEMETRY.md lists them with their Prometheus names.
/// </summary>
public sealed class OrchestratorMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "HeteroAgents.Orchestrator";

    private readonly Counter<long> _submitted;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _escalations;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public OrchestratorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _submitted = meter.CreateCounter<long>("hetero.orchestrator.tasks.submitted", "{task}", "Tasks sent to the worker queues, by type.");
        _outcomes = meter.CreateCounter<long>("hetero.orchestrator.tasks", "{task}", "Task outcomes recorded, by type, status and reason.");
        _latency = meter.CreateHistogram<double>("hetero.orchestrator.task.duration", "ms", "Latency reported in each recorded outcome (worker time, plus the frontier's when it resolved the task).");
        _escalations = meter.CreateCounter<long>("hetero.orchestrator.escalations", "{task}", "Escalations received from the workers, by type and reason (whether or not a frontier model then resolved them).");
    }

    /// <summary>Counts one task sent.</summary>
    public void RecordSubmitted(TaskType type) => _submitted.Add(1, new KeyValuePair<string, object?>("task", type.ToWireName()));

    /// <summary>Counts one escalation event.</summary>
    public void RecordEscalation(TaskEscalated escalation)
    {
        ArgumentNullException.ThrowIfNull(escalation);
        _escalations.Add(1, new KeyValuePair<string, object?>("task", escalation.TaskType.ToWireName()), new KeyValuePair<string, object?>("reason", escalation.Reason.ToWireName()));
    }

    /// <summary>Counts one recorded outcome and its latency.</summary>
    public void RecordOutcome(ITaskOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (status, reason, latency) = outcome switch
        {
            TaskCompleted c => ("completed", (string?)null, c.LatencyMs),
            TaskEscalated e => ("escalated", e.Reason.ToWireName(), e.LatencyMs),
            TaskFailed f => ("failed", f.Error.Code, 0L),
            _ => ("unknown", null, 0L),
        };
        var tags = new TagList { { "task", outcome.TaskType.ToWireName() }, { "status", status }, { "reason", reason } };
        _outcomes.Add(1, tags);
        if (outcome is not TaskFailed)
        {
            _latency.Record(latency, tags);
        }
    }
}

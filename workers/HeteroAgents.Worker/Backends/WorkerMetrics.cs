using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Backends;

/// <summary>The worker's metrics (meter <c>HeteroAgents.Worker</c>): tokens used and task outcomes by type and reason.</summary>
public sealed class WorkerMetrics
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "HeteroAgents.Worker";

    private readonly Counter<long> _tokens;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _latency;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tokens = meter.CreateCounter<long>("hetero.worker.tokens", "{token}", "Tokens used by the model backend.");
        _outcomes = meter.CreateCounter<long>("hetero.worker.tasks", "{task}", "Tasks answered, by type and outcome.");
        _latency = meter.CreateHistogram<double>("hetero.worker.task.duration", "ms", "Time spent per task.");
    }

    /// <summary>Adds one model call's token counts.</summary>
    public void RecordTokens(long inputTokens, long outputTokens)
    {
        _tokens.Add(inputTokens, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(outputTokens, new KeyValuePair<string, object?>("direction", "output"));
    }

    /// <summary>Counts one task outcome; <c>reason</c> is the escalation reason's wire name (e.g. <c>low_confidence</c>) or the failure code.</summary>
    public void RecordOutcome(ITaskOutcome outcome, long latencyMs)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var (status, reason) = outcome switch
        {
            TaskCompleted => ("completed", null),
            TaskEscalated e => ("escalated", (string?)JsonSerializer.Serialize(e.Reason).Trim('"')),
            TaskFailed f => ("failed", f.Error.Code),
            _ => ("unknown", null),
        };
        var tags = new TagList
        {
            { "task", outcome.TaskType.ToWireName() },
            { "status", status },
            { "reason", reason },
        };
        _outcomes.Add(1, tags);
        _latency.Record(latencyMs, tags);
    }
}

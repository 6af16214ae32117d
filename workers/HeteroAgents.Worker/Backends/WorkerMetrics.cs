using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// The worker's metrics (meter <c>HeteroAgents.Worker</c>): tokens used, generation speed, task outcomes and latency by
/// type and status, escalations by reason. docs/TELEMETRY.md lists them with their Prometheus names.
/// </summary>
public sealed class WorkerMetrics
{
    /// <summary>The meter's name, for OpenTelemetry's <c>AddMeter</c>.</summary>
    public const string MeterName = "HeteroAgents.Worker";

    private readonly Counter<long> _tokens;
    private readonly Counter<long> _outcomes;
    private readonly Histogram<double> _latency;
    private readonly Counter<long> _escalations;
    private readonly Histogram<double> _speed;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public WorkerMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _tokens = meter.CreateCounter<long>("hetero.worker.tokens", "{token}", "Tokens used by the model backend.");
        _outcomes = meter.CreateCounter<long>("hetero.worker.tasks", "{task}", "Tasks answered, by type and outcome.");
        _latency = meter.CreateHistogram<double>("hetero.worker.task.duration", "ms", "Time spent per task.");
        _escalations = meter.CreateCounter<long>("hetero.worker.escalations", "{task}", "Tasks escalated, by type and reason.");
        _speed = meter.CreateHistogram<double>("hetero.worker.generation.speed", "{token}/s", "Output tokens per second of each model call.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 20, 30, 50, 75, 100, 150, 200, 300, 500, 1000] });
    }

    /// <summary>Adds one model call's token counts.</summary>
    public void RecordTokens(long inputTokens, long outputTokens)
    {
        _tokens.Add(inputTokens, new KeyValuePair<string, object?>("direction", "input"));
        _tokens.Add(outputTokens, new KeyValuePair<string, object?>("direction", "output"));
    }

    /// <summary>Records one model call's output speed (output tokens over the call's wall time); calls with no output or no time are skipped.</summary>
    public void RecordGeneration(long outputTokens, TimeSpan elapsed)
    {
        if (outputTokens > 0 && elapsed > TimeSpan.Zero)
        {
            _speed.Record(outputTokens / elapsed.TotalSeconds);
        }
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
        if (outcome is TaskEscalated)
        {
            _escalations.Add(1, new KeyValuePair<string, object?>("task", outcome.TaskType.ToWireName()), new KeyValuePair<string, object?>("reason", reason));
        }
    }
}

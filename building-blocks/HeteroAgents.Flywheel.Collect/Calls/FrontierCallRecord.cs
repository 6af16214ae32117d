using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// One frontier-model call, or one SLM escalation (<see cref="Status"/> <see cref="FrontierCallStatus.Escalated"/>), as kept by
/// the conversion loop (step S1). Written as one JSON line
/// (snake_case, <see cref="HeteroJson.Options"/>) to the frontier call log. Never contains credentials:
/// only the messages, the response schema and the answer are kept, not the request options.
/// </summary>
/// <param name="Id">Unique, time-ordered id of the call (a version 7 UUID); train/eval splits hash it.</param>
/// <param name="Timestamp">When the call started.</param>
/// <param name="TaskType">The task type's wire name (<c>classify</c>, <c>extract</c>, <c>tool_call</c>, <c>summarize</c>), or another tag such as <c>plan</c>; null when unknown.</param>
/// <param name="WorkloadId">The caller's workload (application feature, prompt family), when given.</param>
/// <param name="BatchId">The batch whose escalated task this call resolved, when it resolved one.</param>
/// <param name="Model">The model that answered (the response's model id, else the requested one).</param>
/// <param name="Messages">The prompt messages, in order.</param>
/// <param name="ResponseSchema">The JSON schema the answer was constrained to, when the call asked for one.</param>
/// <param name="Output">The answer's text; null when the call failed before answering.</param>
/// <param name="Status">Whether the call answered.</param>
/// <param name="Error">The failure (exception type and message), for failed calls.</param>
/// <param name="EscalationReason">Why the SLM escalated, when the call resolved an escalation.</param>
/// <param name="LatencyMs">Wall time of the call.</param>
/// <param name="InputTokens">Prompt tokens reported by the provider (0 when not reported).</param>
/// <param name="OutputTokens">Completion tokens reported by the provider (0 when not reported).</param>
/// <param name="CostUsd">Estimated cost in US dollars, when a price is configured for the model.</param>
/// <param name="TraceId">The W3C trace id of the surrounding activity, or the caller's trace id.</param>
/// <param name="Streaming">Whether the call was a streaming call.</param>
/// <param name="TaskId">The task (its deterministic <c>TaskId</c>) the record is about, when it is about one: it links an
/// escalation record with the frontier call that resolved it.</param>
/// <param name="SchemaFingerprint">The <see cref="CanonicalJson.Fingerprint"/> of <paramref name="ResponseSchema"/>.</param>
/// <param name="Input">Escalation records: the task's input object as sent.</param>
/// <param name="SlmOutput">Escalation records: what the SLM produced, if anything; audit calls: the SLM's completed result.</param>
/// <param name="ServedBy">Escalation records: the SLM that escalated (<c>slm:&lt;model&gt;</c>); audit calls: the SLM audited.</param>
/// <param name="EscalationDetail">Escalation records: the failed check, in words.</param>
/// <param name="Confidence">Escalation records and audit calls: the SLM output's confidence, when known.</param>
/// <param name="Audit">Whether the frontier call audited a completed SLM answer (<see cref="SlmOutput"/>) rather than serving the task.</param>
public sealed record FrontierCallRecord(
    string Id,
    DateTimeOffset Timestamp,
    string? TaskType,
    string? WorkloadId,
    string? BatchId,
    string? Model,
    IReadOnlyList<LoggedMessage> Messages,
    JsonElement? ResponseSchema,
    string? Output,
    FrontierCallStatus Status,
    string? Error,
    EscalationReason? EscalationReason,
    long LatencyMs,
    long InputTokens,
    long OutputTokens,
    decimal? CostUsd,
    string? TraceId,
    bool Streaming,
    string? TaskId = null,
    string? SchemaFingerprint = null,
    JsonElement? Input = null,
    string? SlmOutput = null,
    string? ServedBy = null,
    string? EscalationDetail = null,
    double? Confidence = null,
    bool Audit = false)
{
    /// <summary>Whether this record is an SLM escalation (no frontier answer) rather than a frontier call.</summary>
    public bool IsEscalation() => Status == FrontierCallStatus.Escalated;

    /// <summary>The parsed task type, when <see cref="TaskType"/> is one of the four served task types.</summary>
    public TaskType? ParsedTaskType() => TaskTypes.TryParse(TaskType, out var type) ? type : null;

    /// <summary>The concatenated content of the user messages (what varies between calls of one workload).</summary>
    public string UserText() => string.Join("\n", Messages.Where(m => m.Role == LoggedMessage.UserRole).Select(m => m.Content));

    /// <summary>Serializes the record to one JSON line (no trailing newline).</summary>
    public string ToJsonLine() => JsonSerializer.Serialize(this, HeteroJson.Options);

    /// <summary>Parses one JSON line; throws <see cref="FormatException"/> naming <paramref name="source"/> on bad input.</summary>
    public static FrontierCallRecord Parse(string line, string source)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return JsonSerializer.Deserialize<FrontierCallRecord>(line, HeteroJson.Options)
                ?? throw new FormatException($"{source}: the line is JSON null, expected a frontier call record object.");
        }
        catch (JsonException ex)
        {
            var at = ex.Path is null ? "" : $" at {ex.Path}";
            throw new FormatException($"{source}: not a valid frontier call record{at}: {ex.Message}", ex);
        }
    }
}

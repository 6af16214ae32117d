using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// A task the SLM could not answer reliably. Carries the task's input so the escalation resolver
/// can hand it to the frontier model without looking anything up, and the SLM's raw output for the
/// conversion-loop log.
/// </summary>
/// <param name="TaskId">The task's deterministic id.</param>
/// <param name="BatchId">The batch or session.</param>
/// <param name="CustomId">The caller's id.</param>
/// <param name="TaskType">The task's type.</param>
/// <param name="Reason">Why it was escalated.</param>
/// <param name="Detail">A human-readable explanation naming the failed check.</param>
/// <param name="Input">The task's input as sent (the <c>input</c> object of the batch line).</param>
/// <param name="RawOutput">What the SLM produced, if anything.</param>
/// <param name="ServedBy">The worker's model, <c>slm:&lt;model&gt;</c>.</param>
/// <param name="Confidence">The SLM output's confidence, when known.</param>
/// <param name="Usage">Tokens used by the SLM attempt.</param>
/// <param name="LatencyMs">Time the worker spent on the task.</param>
public sealed record TaskEscalated(
    Guid TaskId,
    string BatchId,
    string CustomId,
    TaskType TaskType,
    EscalationReason Reason,
    string Detail,
    JsonElement Input,
    string? RawOutput,
    string ServedBy,
    double? Confidence,
    TaskUsage Usage,
    long LatencyMs) : ITaskOutcome
{
    /// <inheritdoc />
    public int SchemaVersion { get; init; } = ContractVersion.Current;

    /// <summary>How the worker routed the answer (policy version, threshold, confidence per value); null from senders that do not route.</summary>
    public RoutingInfo? Routing { get; init; }
}

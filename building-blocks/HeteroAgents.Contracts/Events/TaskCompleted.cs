using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>A task answered with a validated result.</summary>
/// <param name="TaskId">The task's deterministic id.</param>
/// <param name="BatchId">The batch or session.</param>
/// <param name="CustomId">The caller's id.</param>
/// <param name="TaskType">The task's type.</param>
/// <param name="Result">The result, valid against the task's result schema.</param>
/// <param name="ServedBy">Who produced it: <c>slm:&lt;model&gt;</c> or <c>frontier:&lt;model&gt;</c>.</param>
/// <param name="Confidence">Confidence in [0, 1], or null when the backend gives none.</param>
/// <param name="Usage">Tokens used.</param>
/// <param name="LatencyMs">Time the worker spent on the task.</param>
public sealed record TaskCompleted(
    Guid TaskId,
    string BatchId,
    string CustomId,
    TaskType TaskType,
    JsonElement Result,
    string ServedBy,
    double? Confidence,
    TaskUsage Usage,
    long LatencyMs) : ITaskOutcome
{
    /// <inheritdoc />
    public int SchemaVersion { get; init; } = ContractVersion.Current;

    /// <summary>
    /// The SLM escalation this outcome follows, when the frontier model answered it (from contract version 2; null for the
    /// SLM's own answers and in version-1 messages, which carried it in transport headers).
    /// </summary>
    public EscalationInfo? Escalation { get; init; }

    /// <summary>How the worker routed the answer (policy version, threshold, confidence per value); null from senders that do not route.</summary>
    public RoutingInfo? Routing { get; init; }
}

using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>The validated answer to one sub-task, from an SLM worker or (after an escalation) the frontier model.</summary>
/// <param name="TaskId">The task's deterministic id.</param>
/// <param name="TaskType">The task's type.</param>
/// <param name="Result">The result, valid against the task's result schema.</param>
/// <param name="ServedBy"><c>slm:&lt;model&gt;</c> or <c>frontier:&lt;model&gt;</c>.</param>
/// <param name="Confidence">The SLM's confidence when it answered; null for frontier answers.</param>
/// <param name="Usage">Tokens the SLM worker used (also when it escalated).</param>
/// <param name="FrontierUsage">Tokens the frontier model used to resolve an escalation; null when the SLM answered.</param>
/// <param name="LatencyMs">Time from publishing the task to the validated result, including any frontier call.</param>
/// <param name="Escalation">The SLM's escalation, when there was one (then resolved by the frontier).</param>
public sealed record HeteroTaskResult(
    Guid TaskId,
    TaskType TaskType,
    JsonElement Result,
    string ServedBy,
    double? Confidence,
    TaskUsage Usage,
    TaskUsage? FrontierUsage,
    long LatencyMs,
    EscalationInfo? Escalation)
{
    /// <summary>Whether the frontier model produced the result.</summary>
    public bool ServedByFrontier => ServedBy.StartsWith("frontier:", StringComparison.Ordinal);

    /// <summary>The result as JSON text (snake_case, compact), as the plugin functions return it.</summary>
    public string ResultJson => JsonSerializer.Serialize(Result, HeteroJson.Compact);

    /// <summary>Reads the result as a result type, e.g. <see cref="ClassifyResult"/>.</summary>
    public T ResultAs<T>() => Result.Deserialize<T>(HeteroJson.Options)
        ?? throw new JsonException($"The {TaskType.ToWireName()} result is null.");
}

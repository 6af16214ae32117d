using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>One function the frontier model called during a planner run.</summary>
/// <param name="Index">1-based order of the call in the run.</param>
/// <param name="Round">0-based index of the frontier request that asked for the call.</param>
/// <param name="Function">The function, <c>plugin.function</c>, e.g. <c>hetero.classify</c>.</param>
/// <param name="Arguments">The arguments as JSON (cut to <see cref="PlannerOptions.TraceTextLimit"/>).</param>
/// <param name="ServedBy"><c>slm:&lt;model&gt;</c> or <c>frontier:&lt;model&gt;</c>; null for functions that are not HeteroAgents sub-tasks or that failed before an answer.</param>
/// <param name="Escalation">The SLM's escalation, when there was one.</param>
/// <param name="LatencyMs">Time the function took.</param>
/// <param name="SlmUsage">Tokens the SLM worker used.</param>
/// <param name="FrontierUsage">Tokens the frontier used to resolve an escalation.</param>
/// <param name="Result">The function's result text (cut), when it succeeded.</param>
/// <param name="Error">The error message, when it failed (the frontier model saw it as the function's result).</param>
public sealed record PlanStep(
    int Index,
    int Round,
    string Function,
    string Arguments,
    string? ServedBy,
    EscalationInfo? Escalation,
    long LatencyMs,
    TaskUsage? SlmUsage,
    TaskUsage? FrontierUsage,
    string? Result,
    string? Error)
{
    /// <summary>Whether the step ended with a result.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Whether the SLM escalated this step.</summary>
    public bool Escalated => Escalation is not null;
}

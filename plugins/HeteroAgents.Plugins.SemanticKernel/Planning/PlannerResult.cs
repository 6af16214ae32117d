using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>The outcome of a planner run: the frontier model's answer and the trace of sub-steps.</summary>
/// <param name="Answer">The final answer.</param>
/// <param name="Steps">The functions called, in order.</param>
/// <param name="PlanningUsage">Tokens of the frontier's planning requests (escalation resolutions are counted per step).</param>
/// <param name="PlanningRequests">How many requests the frontier model served while planning.</param>
/// <param name="LatencyMs">Wall time of the run.</param>
public sealed record PlannerResult(string Answer, IReadOnlyList<PlanStep> Steps, TaskUsage PlanningUsage, int PlanningRequests, long LatencyMs)
{
    /// <summary>Steps answered by an SLM without escalation.</summary>
    public int ServedBySlm => Steps.Count(s => s.ServedBy?.StartsWith("slm:", StringComparison.Ordinal) == true);

    /// <summary>Steps the SLM escalated (resolved by the frontier or not).</summary>
    public int Escalated => Steps.Count(s => s.Escalated);

    /// <summary>All tokens: planning, SLM sub-tasks and frontier resolutions.</summary>
    public TaskUsage TotalUsage => Steps.Aggregate(PlanningUsage, (sum, s) => new TaskUsage(
        sum.InputTokens + (s.SlmUsage?.InputTokens ?? 0) + (s.FrontierUsage?.InputTokens ?? 0),
        sum.OutputTokens + (s.SlmUsage?.OutputTokens ?? 0) + (s.FrontierUsage?.OutputTokens ?? 0)));
}

using System.Globalization;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>Writes a planner run as plain text: one line per step, then totals and the answer (what <c>hetero run</c> prints without a rich console).</summary>
public static class PlanTraceWriter
{
    /// <summary>Writes <paramref name="run"/> to <paramref name="writer"/>.</summary>
    public static void Write(PlannerResult run, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        var c = CultureInfo.InvariantCulture;
        writer.WriteLine("plan trace:");
        foreach (var s in run.Steps)
        {
            var served = s.ServedBy ?? "-";
            var escalation = s.Escalation is { } e ? $" escalated({e.Reason.ToWireName()}{(e.Resolved ? ", resolved" : string.Empty)})" : string.Empty;
            var tokens = (s.SlmUsage?.TotalTokens ?? 0) + (s.FrontierUsage?.TotalTokens ?? 0);
            var outcome = s.Error is null ? s.Result : "error: " + s.Error;
            writer.WriteLine(string.Create(c, $"  {s.Index}. {s.Function} [{served}{escalation}] {s.LatencyMs} ms, {tokens} tokens -> {outcome}"));
        }

        writer.WriteLine(string.Create(c,
            $"{run.Steps.Count} sub-tasks: {run.ServedBySlm} served by SLMs, {run.Escalated} escalated; frontier planning: {run.PlanningRequests} requests, {run.PlanningUsage.TotalTokens} tokens; total {run.TotalUsage.TotalTokens} tokens in {run.LatencyMs} ms"));
        writer.WriteLine();
        writer.WriteLine(run.Answer);
    }
}

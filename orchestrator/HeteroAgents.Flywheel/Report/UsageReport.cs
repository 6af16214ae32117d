using System.Globalization;
using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>The <c>hetero report</c> table: one row per task type and workload, plus the total.</summary>
/// <param name="Rows">Rows ordered by task type, then workload.</param>
/// <param name="Total">All rows together.</param>
/// <param name="BaselineModel">The baseline model, when one was priced.</param>
public sealed record UsageReport(IReadOnlyList<UsageReportRow> Rows, UsageReportRow Total, string? BaselineModel)
{
    /// <summary>Batch lines per task type, workload and the routing policy version they were answered under, in the order the versions first appear.</summary>
    public IReadOnlyList<PolicyUsageRow> ByPolicy { get; init; } = [];

    /// <summary>The report as a plain-text table.</summary>
    public string ToText()
    {
        var s = new StringBuilder();
        s.AppendLine(CultureInfo.InvariantCulture,
            $"{"task",-10} {"workload",-18} {"calls",7} {"slm%",6} {"esc%",6} {"p50ms",7} {"p95ms",7} {"tokens",10} {"cost$",10} {"baseline$",10} {"audit",6} {"agree%",6}  escalations by reason");
        foreach (var row in Rows.Append(Total))
        {
            var reasons = string.Join(", ", row.EscalationsByReason.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {row.EscalationRateOf(p.Key):P1}"));
            s.AppendLine(CultureInfo.InvariantCulture,
                $"{row.TaskType,-10} {row.Workload,-18} {row.Calls,7} {row.SlmShare * 100,6:0.0} {row.EscalationRate * 100,6:0.0} {row.LatencyP50Ms,7} {row.LatencyP95Ms,7} {row.InputTokens + row.OutputTokens,10} {row.CostUsd,10:0.0000} {row.BaselineCostUsd,10:0.0000} {row.Audited,6} {(row.AuditAgreement is { } agree ? (agree * 100).ToString("0.0", CultureInfo.InvariantCulture) : "-"),6}  {reasons}");
        }

        if (ByPolicy.Count > 0)
        {
            s.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{"task",-10} {"workload",-18} {"lines",7} {"slm%",6} {"esc%",6}  routing policy (in the order first seen)");
            foreach (var row in ByPolicy)
            {
                s.AppendLine(CultureInfo.InvariantCulture,
                    $"{row.TaskType,-10} {row.Workload,-18} {row.Calls,7} {row.SlmShare * 100,6:0.0} {row.EscalationRate * 100,6:0.0}  {row.PolicyVersion}");
            }
        }

        return s.ToString();
    }
}

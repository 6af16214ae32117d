using System.Globalization;
using HeteroAgents.Contracts;

namespace HeteroAgents.IntegrationTests.Routing;

/// <summary>One batch of the conversion-loop test on workload <c>tickets</c>: SLM share, escalations, wrong answers the SLM completed.</summary>
internal sealed record LoopFigures(string Step, int Lines, int SlmCompleted, int Escalated, int WrongCompleted, string Policy, string ServedBy)
{
    public double SlmShare => (double)SlmCompleted / Lines;

    public double EscalationRate => (double)Escalated / Lines;

    public static LoopFigures Of(string step, IReadOnlyList<LoopCase> cases, IReadOnlyList<BatchOutputLine> lines)
    {
        var expected = cases.ToDictionary(c => c.CustomId, StringComparer.Ordinal);
        var tickets = lines.Where(l => expected[l.CustomId].Workload == "tickets").ToList();
        var slm = tickets.Where(l => l.Status == BatchTaskStatus.Completed && l.ServedBy?.StartsWith("slm:", StringComparison.Ordinal) == true).ToList();
        var wrong = slm.Count(l => l.Result?.GetProperty("label").GetString() != expected[l.CustomId].Label);
        return new LoopFigures(step, tickets.Count, slm.Count, tickets.Count(l => l.Escalation is not null), wrong,
            string.Join(",", tickets.Select(l => l.Routing?.PolicyVersion).OfType<string>().Distinct()),
            string.Join(",", slm.Select(l => l.ServedBy).Distinct()));
    }

    public string ToMarkdownRow() => string.Create(CultureInfo.InvariantCulture,
        $"| {Step} | {Lines} | {SlmShare:P1} | {EscalationRate:P1} | {WrongCompleted} | {ServedBy} |");
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>Scores a batch output of the routing-quality cases: per task type, right answers completed and escalated, wrong answers completed.</summary>
public static class RoutingQualityScore
{
    /// <summary>One row per task type, then <c>all</c>. A completed line counts as right when its result equals the case's right answer.</summary>
    public static IReadOnlyList<RoutingQualityRow> Score(IReadOnlyList<RoutingCase> cases, IReadOnlyList<BatchOutputLine> lines)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(lines);
        var byId = lines.ToDictionary(l => l.CustomId, StringComparer.Ordinal);
        var rows = TaskTypes.All.Select(type => Row(type.ToWireName(), cases.Where(c => c.Type == type), byId)).ToList();
        rows.Add(Row("all", cases, byId));
        return rows;
    }

    /// <summary>Reads a batch output file.</summary>
    public static IReadOnlyList<BatchOutputLine> ReadOutput(string path) =>
        [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<BatchOutputLine>(l, HeteroJson.Options)!)];

    /// <summary>The rows as a Markdown table.</summary>
    public static string ToMarkdown(IReadOnlyList<RoutingQualityRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var text = new StringBuilder()
            .AppendLine("| task | right, confident: completed | right, unsure: completed | right escalated | wrong (unsure or hallucinated): completed | wrong but confident and grounded: completed |")
            .AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Task} | {r.RightConfidentCompleted}/{r.RightConfident} ({r.RightConfidentCompletedShare:P1}) | {r.RightUnsureCompleted}/{r.RightUnsure} | {r.RightEscalated}/{r.RightConfident + r.RightUnsure} | {r.WrongCompleted}/{r.Wrong} | {r.WrongConfidentCompleted}/{r.WrongConfident} |");
        }

        return text.ToString();
    }

    private static RoutingQualityRow Row(string task, IEnumerable<RoutingCase> cases, Dictionary<string, BatchOutputLine> lines)
    {
        int rc = 0, rcDone = 0, ru = 0, ruDone = 0, w = 0, wDone = 0, wc = 0, wcDone = 0;
        foreach (var c in cases)
        {
            var completed = lines.TryGetValue(c.CustomId, out var line) && line.Status == BatchTaskStatus.Completed;
            if (completed && !JsonElement.DeepEquals(line!.Result!.Value, JsonSerializer.SerializeToElement(c.Answer)))
            {
                throw new InvalidOperationException($"{c.CustomId}: completed with {line.Result.Value.GetRawText()}, which is not what the simulated SLM answered");
            }

            var done = completed ? 1 : 0;
            switch (c.Behaviour)
            {
                case SimulatedBehaviour.RightConfident: rc++; rcDone += done; break;
                case SimulatedBehaviour.RightUnsure: ru++; ruDone += done; break;
                case SimulatedBehaviour.WrongConfident: wc++; wcDone += done; break;
                default: w++; wDone += done; break;
            }
        }

        return new RoutingQualityRow(task, rc, rcDone, ru, ruDone, w, wDone, wc, wcDone);
    }
}

using System.Globalization;
using System.Text;

namespace HeteroAgents.Flywheel;

/// <summary>The result of <see cref="PiiEvaluation.Evaluate"/>.</summary>
/// <param name="Lines">Corpus lines evaluated.</param>
/// <param name="ByType">Metrics per type, in <see cref="PiiType"/> order.</param>
/// <param name="Mistakes">Each false positive and false negative, in words, for inspection.</param>
public sealed record PiiEvaluationReport(int Lines, IReadOnlyList<PiiTypeMetrics> ByType, IReadOnlyList<string> Mistakes)
{
    /// <summary>Metrics of one type.</summary>
    public PiiTypeMetrics this[PiiType type] => ByType.First(m => m.Type == type);

    /// <summary>Micro-averaged metrics over all types.</summary>
    public (double Precision, double Recall) Overall
    {
        get
        {
            var found = ByType.Sum(m => m.Found);
            var labelled = ByType.Sum(m => m.Labelled);
            var tp = ByType.Sum(m => m.TruePositives);
            return (found == 0 ? 1 : (double)tp / found, labelled == 0 ? 1 : (double)tp / labelled);
        }
    }

    /// <summary>A Markdown table: type, labelled, found, true positives, precision, recall, labelled characters replaced.</summary>
    public string ToMarkdownTable()
    {
        var s = new StringBuilder();
        s.AppendLine("| type | labelled | found | true pos. | precision | recall | chars replaced |");
        s.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var m in ByType)
        {
            s.AppendLine(CultureInfo.InvariantCulture, $"| {PiiScrubber.Placeholder(m.Type).Trim('<', '>')} | {m.Labelled} | {m.Found} | {m.TruePositives} | {m.Precision:0.000} | {m.Recall:0.000} | {m.CharCoverage:0.000} |");
        }

        var (p, r) = Overall;
        var chars = ByType.Sum(m => m.LabelledChars);
        var covered = chars == 0 ? 1 : (double)ByType.Sum(m => m.CoveredChars) / chars;
        s.AppendLine(CultureInfo.InvariantCulture, $"| all | {ByType.Sum(m => m.Labelled)} | {ByType.Sum(m => m.Found)} | {ByType.Sum(m => m.TruePositives)} | {p:0.000} | {r:0.000} | {covered:0.000} |");
        return s.ToString();
    }
}

namespace HeteroAgents.Flywheel;

/// <summary>Measures a <see cref="PiiScrubber"/> against a labelled corpus: precision and recall per type.</summary>
public static class PiiEvaluation
{
    /// <summary>
    /// Runs <paramref name="scrubber"/> over every text. A finding is a true positive when it overlaps a not yet matched
    /// labelled occurrence of the same type; other findings are false positives, unmatched labels false negatives. Per type it
    /// also counts the labelled characters that end up inside any finding (<see cref="PiiTypeMetrics.CharCoverage"/>).
    /// </summary>
    public static PiiEvaluationReport Evaluate(IEnumerable<LabelledPiiText> corpus, PiiScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(scrubber);
        var labelled = new Dictionary<PiiType, int>();
        var found = new Dictionary<PiiType, int>();
        var hits = new Dictionary<PiiType, int>();
        var labelledChars = new Dictionary<PiiType, int>();
        var coveredChars = new Dictionary<PiiType, int>();
        var mistakes = new List<string>();
        var lines = 0;
        foreach (var item in corpus)
        {
            lines++;
            var expected = item.Pii.Select(p => (Type: p.ParsedType(), Start: item.Text.IndexOf(p.Value, StringComparison.Ordinal), p.Value.Length, p.Value)).ToList();
            var matched = new bool[expected.Count];
            foreach (var e in expected)
            {
                labelled[e.Type] = labelled.GetValueOrDefault(e.Type) + 1;
            }

            var findings = scrubber.Find(item.Text);
            foreach (var e in expected)
            {
                labelledChars[e.Type] = labelledChars.GetValueOrDefault(e.Type) + e.Length;
                coveredChars[e.Type] = coveredChars.GetValueOrDefault(e.Type)
                    + Enumerable.Range(e.Start, e.Length).Count(c => findings.Any(f => f.Start <= c && c < f.End));
            }

            foreach (var f in findings)
            {
                found[f.Type] = found.GetValueOrDefault(f.Type) + 1;
                var i = expected.FindIndex(e => e.Type == f.Type && e.Start < f.End && f.Start < e.Start + e.Length);
                while (i >= 0 && matched[i])
                {
                    var next = expected.Skip(i + 1).ToList().FindIndex(e => e.Type == f.Type && e.Start < f.End && f.Start < e.Start + e.Length);
                    i = next < 0 ? -1 : i + 1 + next;
                }

                if (i >= 0)
                {
                    matched[i] = true;
                    hits[f.Type] = hits.GetValueOrDefault(f.Type) + 1;
                }
                else
                {
                    mistakes.Add($"false positive {f.Type} '{f.Value}' in: {item.Text}");
                }
            }

            for (var i = 0; i < expected.Count; i++)
            {
                if (!matched[i])
                {
                    mistakes.Add($"missed {expected[i].Type} '{expected[i].Value}' in: {item.Text}");
                }
            }
        }

        var metrics = Enum.GetValues<PiiType>()
            .Select(t => new PiiTypeMetrics(t, labelled.GetValueOrDefault(t), found.GetValueOrDefault(t), hits.GetValueOrDefault(t),
                labelledChars.GetValueOrDefault(t), coveredChars.GetValueOrDefault(t)))
            .ToList();
        return new PiiEvaluationReport(lines, metrics, mistakes);
    }
}

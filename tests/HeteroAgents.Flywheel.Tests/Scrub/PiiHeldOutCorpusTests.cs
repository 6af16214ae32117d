using HeteroAgents.Flywheel;
using Xunit.Abstractions;

namespace HeteroAgents.Flywheel.Tests.Scrub;

/// <summary>
/// The held-out corpus (<c>pii-heldout.jsonl</c>, written before the scrubber's patterns were read): floors at the level the
/// scrubber reaches on it after the fixes it prompted (docs/BENCHMARKS.md has both the first and the later figures).
/// </summary>
public sealed class PiiHeldOutCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Held_out_corpus_meets_precision_and_recall_floors_per_type()
    {
        var corpus = LabelledPiiText.ReadFile(Path.Combine(PiiCorpusTests.CorpusDirectory, "pii-heldout.jsonl"));
        var scrubber = new PiiScrubber(new PiiScrubberOptions { TermFiles = [Path.Combine(PiiCorpusTests.CorpusDirectory, "heldout-terms.txt")], Types = PiiCorpusTests.NumberTypes });

        var report = PiiCorpusTests.EvaluateAndLog(corpus, scrubber, output);

        Assert.True(corpus.Count >= 500, $"held-out corpus has {corpus.Count} lines");
        Assert.True(corpus.Count(c => c.Pii.Count == 0) >= 100, "held-out corpus needs its hard negatives");
        foreach (var m in report.ByType.Where(m => PiiCorpusTests.NumberTypes.Contains(m.Type) && m.Type != PiiType.Term))
        {
            Assert.True(m.Labelled >= 50, $"{m.Type}: only {m.Labelled} labelled occurrences");
            Assert.True(m.Precision >= 0.98, $"{m.Type}: precision {m.Precision:0.000} below 0.98");
            Assert.True(m.Recall >= 0.95, $"{m.Type}: recall {m.Recall:0.000} below 0.95");
        }

        var (precision, recall) = report.Overall;
        Assert.True(precision >= 0.99, $"overall precision {precision:0.000} below 0.99");
        Assert.True(recall >= 0.98, $"overall recall {recall:0.000} below 0.98");
        Assert.True(report[PiiType.Term].Recall >= 0.99 && report[PiiType.Term].Precision >= 0.99, "the held-out terms are all found, and nothing else");
    }
}

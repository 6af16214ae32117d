using HeteroAgents.Flywheel;
using Xunit.Abstractions;

namespace HeteroAgents.Flywheel.Tests.Scrub;

public sealed class PiiCorpusTests(ITestOutputHelper output)
{
    public static string CorpusDirectory => Path.Combine(AppContext.BaseDirectory, "Scrub", "Corpus");

    /// <summary>The types the original and held-out corpora label; they predate names, addresses and dates of birth, which they leave unlabelled.</summary>
    public static List<PiiType> NumberTypes => [PiiType.Email, PiiType.Phone, PiiType.Card, PiiType.Iban, PiiType.Ip, PiiType.NationalId, PiiType.Term];

    /// <summary>Evaluates <paramref name="scrubber"/> on <paramref name="corpus"/> and writes the table and every mistake to the test output.</summary>
    public static PiiEvaluationReport EvaluateAndLog(IReadOnlyList<LabelledPiiText> corpus, PiiScrubber scrubber, ITestOutputHelper output)
    {
        var report = PiiEvaluation.Evaluate(corpus, scrubber);
        output.WriteLine(report.ToMarkdownTable());
        foreach (var mistake in report.Mistakes)
        {
            output.WriteLine(mistake);
        }

        return report;
    }

    [Fact]
    public void Labelled_corpus_meets_precision_and_recall_floors_per_type()
    {
        var corpus = LabelledPiiText.ReadFile(Path.Combine(CorpusDirectory, "pii-corpus.jsonl"));
        var scrubber = new PiiScrubber(new PiiScrubberOptions { TermFiles = [Path.Combine(CorpusDirectory, "terms.txt")], Types = NumberTypes });

        var report = EvaluateAndLog(corpus, scrubber, output);

        Assert.True(corpus.Count >= 300, $"corpus has {corpus.Count} lines");
        foreach (var m in report.ByType.Where(m => NumberTypes.Contains(m.Type)))
        {
            Assert.True(m.Labelled >= 30, $"{m.Type}: only {m.Labelled} labelled occurrences");
            Assert.True(m.Precision >= 0.93, $"{m.Type}: precision {m.Precision:0.000} below 0.93");
            Assert.True(m.Recall >= 0.90, $"{m.Type}: recall {m.Recall:0.000} below 0.90");
        }
    }
}

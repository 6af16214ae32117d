using HeteroAgents.Flywheel;
using Xunit.Abstractions;

namespace HeteroAgents.Flywheel.Tests.Scrub;

/// <summary>
/// The blind people corpus (<c>pii-blind-people.jsonl</c>: names, postal addresses, dates of birth and look-alikes, written
/// before the scrubber was read). The scrubber first found none of them (docs/BENCHMARKS.md); the person rules were then
/// written, partly from this corpus's mistakes, so these floors guard against regressions, not generalization.
/// </summary>
public sealed class PiiBlindPeopleCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Blind_people_corpus_meets_precision_and_recall_floors_per_type()
    {
        var corpus = LabelledPiiText.ReadFile(Path.Combine(PiiCorpusTests.CorpusDirectory, "pii-blind-people.jsonl"));

        var report = PiiCorpusTests.EvaluateAndLog(corpus, new PiiScrubber(), output);

        Assert.True(corpus.Count >= 500 && corpus.Count(c => c.Pii.Count == 0) >= 200, "the corpus keeps its size and its look-alikes");
        foreach (var (type, recall) in new[] { (PiiType.Name, 0.97), (PiiType.Address, 0.97), (PiiType.DateOfBirth, 0.90) })
        {
            var m = report[type];
            Assert.True(m.Labelled >= 50, $"{type}: only {m.Labelled} labelled occurrences");
            Assert.True(m.Precision >= 0.98, $"{type}: precision {m.Precision:0.000} below 0.98");
            Assert.True(m.Recall >= recall, $"{type}: recall {m.Recall:0.000} below {recall}");
            Assert.True(m.CharCoverage >= 0.9, $"{type}: only {m.CharCoverage:0.000} of the labelled characters replaced");
        }

        var lookAlikes = corpus.Where(c => c.Pii.Count == 0).Sum(c => new PiiScrubber().Find(c.Text).Count);
        Assert.True(lookAlikes <= 2, $"{lookAlikes} findings on look-alike lines");
    }
}

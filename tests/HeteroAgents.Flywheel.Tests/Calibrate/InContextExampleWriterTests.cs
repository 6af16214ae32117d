using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel.Tests.Calibrate;

/// <summary>The examples file: train split only, one line per resolved task with a workload, scrubbed logs only.</summary>
public sealed class InContextExampleWriterTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-examples-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Examples_come_from_the_train_split_and_read_back()
    {
        var references = References("Where is my parcel? It is late.", 40);
        var path = Path.Combine(_directory, "examples.jsonl");

        var written = await InContextExampleWriter.WriteAsync(references, path, 0.25, new PiiScrubber());

        var lines = File.ReadAllLines(path).Select((l, i) => InContextExample.Parse(l, $"{path}:{i + 1}")).ToList();
        Assert.Equal(references.Count(r => !DatasetSplit.IsEval(r.FrontierCall.Id, 0.25)), lines.Count);
        Assert.Equal(lines.Count, written["tickets/classify"]);
        Assert.All(lines, l => Assert.Equal("""{"label":"shipping_delay"}""", l.Answer));
    }

    [Fact]
    public async Task An_unscrubbed_log_is_refused_naming_the_record_and_what_was_found()
    {
        var references = References("Where is my parcel? Write to jane.doe@example.com", 5);

        var ex = await Assert.ThrowsAsync<FormatException>(() => InContextExampleWriter.WriteAsync(references, Path.Combine(_directory, "x.jsonl"), 0, new PiiScrubber()));

        Assert.Contains("the log is not scrubbed: record", ex.Message, StringComparison.Ordinal);
        Assert.Contains("input.text still has Email", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "x.jsonl")));
    }

    [Fact]
    public async Task Personal_data_in_the_eval_split_is_refused_too()
    {
        // Every record lands in the eval split at fraction 1: none would become an example, yet the log is still not scrubbed.
        var references = References("Where is my parcel? Write to jane.doe@example.com", 5);

        var ex = await Assert.ThrowsAsync<FormatException>(() => InContextExampleWriter.WriteAsync(references, Path.Combine(_directory, "x.jsonl"), 1.0, new PiiScrubber()));

        Assert.Contains("the log is not scrubbed: record", ex.Message, StringComparison.Ordinal);
    }

    private static List<ReferenceAnswer> References(string text, int n)
    {
        var log = new SyntheticLog(3);
        var input = JsonDocument.Parse(JsonSerializer.Serialize(new { text, labels = new[] { "refund_request", "shipping_delay" } })).RootElement.Clone();
        return [.. Enumerable.Range(0, n).Select(i =>
        {
            var call = log.ReviewSentiment() with { WorkloadId = "tickets", Output = """{"label":"shipping_delay"}""", TaskId = "t" + i };
            return new ReferenceAnswer(call with { Id = call.Id + "-esc", Status = FrontierCallStatus.Escalated, Input = input, Output = null }, call);
        })];
    }
}

using HeteroAgents.Flywheel;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Flywheel.Tests.Collect;

public sealed class JsonlFrontierCallLogTests
{
    [Fact]
    public async Task Files_rotate_at_midnight_utc_and_read_back_in_order()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 59, 59, TimeSpan.Zero));
        var synthetic = new SyntheticLog(1);
        await using (var log = new JsonlFrontierCallLog(dir.Path, time))
        {
            await log.AppendAsync(synthetic.TicketRouting());
            time.Advance(TimeSpan.FromSeconds(2));
            await log.AppendAsync(synthetic.InvoiceExtract());
            await log.AppendAsync(synthetic.MeetingSummary());
        }

        Assert.Equal(
            ["frontier-calls-2026-11-22.jsonl", "frontier-calls-2026-11-23.jsonl"],
            Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Single(File.ReadAllLines(Path.Combine(dir.Path, "frontier-calls-2026-11-22.jsonl")));
        await using var reader = new JsonlFrontierCallLog(dir.Path, time);
        var all = new List<FrontierCallRecord>();
        await foreach (var r in reader.ReadAllAsync())
        {
            all.Add(r);
        }

        Assert.Equal(["classify", "extract", "summarize"], all.Select(r => r.TaskType));
    }

    [Fact]
    public async Task Concurrent_writers_in_one_process_produce_whole_lines()
    {
        using var dir = new TempDirectory("flywheel-tests");
        await using var log = new JsonlFrontierCallLog(dir.Path);
        var synthetic = new SyntheticLog(2);
        var records = Enumerable.Range(0, 1600).Select(_ => synthetic.InvoiceExtract()).ToList();

        await Parallel.ForEachAsync(records, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (r, ct) => await log.AppendAsync(r, ct));

        var read = await FrontierCallLogReader.ReadListAsync(dir.Path);
        Assert.Equal(1600, read.Count);
        Assert.Equal(records.Select(r => r.Id).Order(StringComparer.Ordinal), read.Select(r => r.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_file_and_line_number()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var path = dir.File("log.jsonl");
        await File.WriteAllLinesAsync(path, [new SyntheticLog(3).TicketRouting().ToJsonLine(), "", "{\"id\":\"x\"}"]);

        var ex = await Assert.ThrowsAsync<FormatException>(() => FrontierCallLogReader.ReadListAsync(path));
        Assert.Contains("log.jsonl:3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_log_path_is_named_in_the_error()
    {
        var ex = await Assert.ThrowsAsync<FileNotFoundException>(() => FrontierCallLogReader.ReadListAsync("/no/such/flywheel/log"));
        Assert.Contains("/no/such/flywheel/log", ex.Message, StringComparison.Ordinal);
    }
}

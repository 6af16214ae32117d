using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Tests.Support;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero report` over a small batch output file.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-report-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Report_counts_slm_share_and_escalations_per_workload()
    {
        var path = Path.Combine(_directory, "tickets.jsonl");
        var label = JsonDocument.Parse("""{"label":"refund"}""").RootElement.Clone();
        BatchOutputLine[] lines =
        [
            new("a", "classify", BatchTaskStatus.Completed, "slm:smol", label, 0.98, null, new TaskUsage(100, 5), 40, null),
            new("b", "classify", BatchTaskStatus.Completed, "slm:smol", label, 0.97, null, new TaskUsage(100, 5), 60, null),
            new("c", "classify", BatchTaskStatus.Completed, "frontier:gpt-4o-mini", label, null,
                new EscalationInfo(EscalationReason.LowConfidence, "0.41 < 0.7", true), new TaskUsage(300, 5), 900, null),
            new("d", "classify", BatchTaskStatus.Escalated, "slm:smol", null, 0.3,
                new EscalationInfo(EscalationReason.LowConfidence, "0.30 < 0.7", false), new TaskUsage(100, 5), 50, null),
        ];
        await File.WriteAllLinesAsync(path, lines.Select(l => JsonSerializer.Serialize(l, HeteroJson.Options)));

        var result = await CliRunner.RunAsync("report", path);

        Assert.True(result.ExitCode == 0, result.ToString());
        var row = Assert.Single(result.Out.Split('\n'), l => l.StartsWith("classify", StringComparison.Ordinal) && l.Contains("tickets", StringComparison.Ordinal));
        var cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("4", cells[2]);
        Assert.Equal("50.0", cells[3]);
        Assert.Equal("50.0", cells[4]);
        Assert.Contains("low_confidence 50.0", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_of_a_non_batch_file_names_the_line()
    {
        var path = Path.Combine(_directory, "bad.jsonl");
        var valid = new BatchOutputLine("a", "classify", BatchTaskStatus.Completed, "slm:smol", null, 0.9, null, new TaskUsage(1, 1), 5, null);
        await File.WriteAllLinesAsync(path, [JsonSerializer.Serialize(valid, HeteroJson.Options), "not json"]);

        var result = await CliRunner.RunAsync("report", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("bad.jsonl:2", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_without_inputs_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("report");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--frontier-log", result.Error, StringComparison.Ordinal);
    }
}

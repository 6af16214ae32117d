using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Status;

namespace HeteroAgents.Fleet.Tests.Status;

public sealed class FleetStatusTableTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 1, 12, 30, 5, TimeSpan.Zero);

    [Fact]
    public void Cells_follow_the_headers()
    {
        var row = new FleetQueueRow(
            TaskType.ToolCall,
            new QueueStats("hetero-tool-call", true, 120, 8, 3, 41.25, 39.96, TimeSpan.FromSeconds(185)),
            new QueueStats("hetero-tool-call_error", true, 2, 0, 0, null, null, null));

        var cells = FleetStatusTable.Cells(row);

        Assert.Equal(FleetStatusTable.Headers.Count, cells.Count);
        Assert.Equal(["tool_call", "hetero-tool-call", "120", "8", "3", "41.3", "40.0", "3m05s", "2"], cells);
    }

    [Fact]
    public void Missing_queues_and_unknown_figures_show_dashes()
    {
        var row = new FleetQueueRow(TaskType.Extract, QueueStats.Missing("hetero-extract"), QueueStats.Missing("hetero-extract_error"));
        Assert.Equal(["extract", "hetero-extract (missing)", "-", "-", "-", "-", "-", "-", "0"], FleetStatusTable.Cells(row));
    }

    [Theory]
    [InlineData(null, "-")]
    [InlineData(0, "0s")]
    [InlineData(59, "59s")]
    [InlineData(60, "1m00s")]
    [InlineData(3725, "1h02m")]
    public void Ages_are_compact(int? seconds, string expected) =>
        Assert.Equal(expected, FleetStatusTable.Age(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value)));

    [Fact]
    public void Plain_text_is_aligned()
    {
        var snapshot = new FleetStatusSnapshot(At,
        [
            new FleetQueueRow(TaskType.Classify, new QueueStats("hetero-classify", true, 5, 1, 1, 0, 0, null), QueueStats.Missing("e")),
            new FleetQueueRow(TaskType.Summarize, new QueueStats("hetero-summarize", true, 12345, 0, 0, null, null, null), QueueStats.Missing("e")),
        ], null);

        var lines = FleetStatusTable.ToPlainText(snapshot).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("fleet status at 2026-01-01 12:30:05Z", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Equal(lines[1].Length, lines[2].Length);
        Assert.Equal(lines[2].Length, lines[3].Length);
        Assert.StartsWith("task       queue", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[1].IndexOf("ready", StringComparison.Ordinal) + "ready".Length, lines[3].IndexOf("12345", StringComparison.Ordinal) + 5);
    }

    [Fact]
    public void Plain_text_of_a_failed_read_is_the_error()
    {
        var text = FleetStatusTable.ToPlainText(new FleetStatusSnapshot(At, [], "broker unreachable"));
        Assert.EndsWith("error: broker unreachable\n", text, StringComparison.Ordinal);
    }
}

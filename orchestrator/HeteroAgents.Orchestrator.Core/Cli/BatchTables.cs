using System.Globalization;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Store;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>The summary and status tables.</summary>
internal static class BatchTables
{
    public static Table Summary(string batchId, BatchSummary summary, TimeSpan elapsed, string? outPath)
    {
        var table = new Table().Title($"batch {Markup.Escape(batchId)}").AddColumn("").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("lines", summary.Lines.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[green]completed[/]", summary.Completed.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[yellow]escalated[/]", summary.Escalated.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[red]failed[/]", summary.Failed.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (reason, count) in summary.Reasons.OrderByDescending(p => p.Value).Take(8))
        {
            table.AddRow("  " + Markup.Escape(reason), count.ToString("N0", CultureInfo.InvariantCulture));
        }

        var rate = elapsed.TotalSeconds > 0 ? summary.Lines / elapsed.TotalSeconds : 0;
        table.AddRow("elapsed", elapsed.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture));
        table.AddRow("rate", rate.ToString("N1", CultureInfo.InvariantCulture) + " tasks/s");
        table.AddRow("output", Markup.Escape(outPath ?? "stdout"));
        return table;
    }

    public static Table Status(BatchInfo info)
    {
        var c = info.Counts;
        var table = new Table().AddColumn("batch").AddColumn("state").AddColumn("total").AddColumn("completed")
            .AddColumn("escalated").AddColumn("failed").AddColumn("pending").AddColumn("created").AddColumn("input");
        table.AddRow(
            Markup.Escape(info.Id), info.State.ToString().ToLowerInvariant(),
            N(c.Total), N(c.Completed), N(c.Escalated), N(c.Failed), N(c.Pending),
            info.CreatedAt.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(info.InputPath));
        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

using HeteroAgents.Fleet.Status;
using HeteroAgents.Fleet.Supervision;
using Spectre.Console;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Spectre tables over the fleet library's renderer-agnostic cells.</summary>
internal static class FleetTables
{
    public static Table Status(FleetStatusSnapshot snapshot)
    {
        var table = new Table().Title($"fleet status at {snapshot.TakenAt:HH:mm:ss}Z");
        foreach (var (header, i) in FleetStatusTable.Headers.Select((h, i) => (h, i)))
        {
            table.AddColumn(i < 2 ? new TableColumn(header) : new TableColumn(header).RightAligned());
        }

        if (!snapshot.Succeeded)
        {
            table.Caption("[red]" + Markup.Escape("error: " + snapshot.Error) + "[/]");
            return table;
        }

        foreach (var row in snapshot.Rows)
        {
            var cells = FleetStatusTable.Cells(row).Select(Markup.Escape).ToArray();
            if (row.ErrorMessages > 0)
            {
                cells[^1] = "[red]" + cells[^1] + "[/]";
            }

            table.AddRow(cells);
        }

        return table;
    }

    public static Table Pools(IReadOnlyList<WorkerPoolStatus> pools)
    {
        var table = new Table().Title("worker pools");
        foreach (var header in WorkerPoolTable.Headers)
        {
            table.AddColumn(header);
        }

        foreach (var pool in pools)
        {
            table.AddRow(WorkerPoolTable.Cells(pool).Select(Markup.Escape).ToArray());
        }

        return table;
    }

    public static string PoolsPlain(IReadOnlyList<WorkerPoolStatus> pools) =>
        string.Join('\n', pools.Select(p => "  " + string.Join("  ", WorkerPoolTable.Headers.Zip(WorkerPoolTable.Cells(p), (h, c) => h + "=" + c))));
}

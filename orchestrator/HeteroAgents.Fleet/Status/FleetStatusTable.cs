using System.Globalization;
using System.Text;
using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Status;

/// <summary>
/// Renderer-agnostic text cells for a <see cref="FleetStatusSnapshot"/>: a Spectre.Console table adds
/// <see cref="Headers"/> as columns and <see cref="Cells"/> per row; <see cref="ToPlainText"/> gives an aligned
/// plain-text table for logs and redirected output.
/// </summary>
public static class FleetStatusTable
{
    /// <summary>Column headers, in cell order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["task", "queue", "ready", "unacked", "consumers", "publish/s", "deliver/s", "oldest", "errors"];

    /// <summary>The text of each cell of one row, in <see cref="Headers"/> order. Unknown figures are shown as <c>-</c>.</summary>
    public static IReadOnlyList<string> Cells(FleetQueueRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var q = row.Queue;
        if (!q.Exists)
        {
            return [row.TaskType.ToWireName(), q.Name + " (missing)", "-", "-", "-", "-", "-", "-", Number(row.ErrorMessages)];
        }

        return
        [
            row.TaskType.ToWireName(),
            q.Name,
            Number(q.Ready),
            Number(q.Unacknowledged),
            Number(q.Consumers),
            Rate(q.PublishRate),
            Rate(q.DeliverRate),
            Age(q.OldestMessageAge),
            Number(row.ErrorMessages),
        ];
    }

    /// <summary>Formats an age as <c>42s</c>, <c>3m05s</c> or <c>2h10m</c>; null as <c>-</c>.</summary>
    public static string Age(TimeSpan? age) => age switch
    {
        null => "-",
        { TotalHours: >= 1 } a => string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalHours}h{a.Minutes:00}m"),
        { TotalMinutes: >= 1 } a => string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalMinutes}m{a.Seconds:00}s"),
        { } a => string.Create(CultureInfo.InvariantCulture, $"{(int)a.TotalSeconds}s"),
    };

    /// <summary>The snapshot as an aligned plain-text table with a time line, or the error line when the read failed.</summary>
    public static string ToPlainText(FleetStatusSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"fleet status at {snapshot.TakenAt:yyyy-MM-dd HH:mm:ss}Z").Append('\n');
        if (!snapshot.Succeeded)
        {
            return text.Append("error: ").Append(snapshot.Error).Append('\n').ToString();
        }

        var lines = new List<IReadOnlyList<string>> { Headers };
        lines.AddRange(snapshot.Rows.Select(Cells));
        var widths = Enumerable.Range(0, Headers.Count).Select(i => lines.Max(l => l[i].Length)).ToArray();
        foreach (var line in lines)
        {
            for (var i = 0; i < line.Count; i++)
            {
                // Names align left, figures right.
                text.Append(i < 2 ? line[i].PadRight(widths[i]) : line[i].PadLeft(widths[i]));
                text.Append(i == line.Count - 1 ? "\n" : "  ");
            }
        }

        return text.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Rate(double? rate) => rate?.ToString("0.0", CultureInfo.InvariantCulture) ?? "-";
}

using System.Globalization;
using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// Renderer-agnostic text cells for <see cref="WorkerSupervisor.GetStatus"/>, for a live view of <c>hetero fleet up</c>:
/// add <see cref="Headers"/> as table columns and <see cref="Cells"/> per pool.
/// </summary>
public static class WorkerPoolTable
{
    /// <summary>Column headers, in cell order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["task", "queue", "running", "wanted", "restarting", "stopping", "launches", "crashes", "last decision"];

    /// <summary>The text of each cell of one pool, in <see cref="Headers"/> order.</summary>
    public static IReadOnlyList<string> Cells(WorkerPoolStatus pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var decision = pool.LastDecision;
        return
        [
            pool.TaskType.ToWireName(),
            pool.Queue,
            Number(pool.Running),
            decision is null ? "-" : Number(decision.Wanted),
            Number(pool.PendingRestarts),
            Number(pool.Stopping),
            Number(pool.Launches),
            Number(pool.Crashes),
            decision is null ? "-" : decision.Reason.ToString(),
        ];
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

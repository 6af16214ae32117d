namespace HeteroAgents.Fleet.Status;

/// <summary>The fleet view at one moment: one row per task queue, or the reason the broker could not be read.</summary>
/// <param name="TakenAt">When the figures were read (from the <see cref="TimeProvider"/>).</param>
/// <param name="Rows">One row per watched task queue, in target order; empty when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the figures could not be read (broker down, credentials rejected), or null.</param>
public sealed record FleetStatusSnapshot(DateTimeOffset TakenAt, IReadOnlyList<FleetQueueRow> Rows, string? Error)
{
    /// <summary>True when the figures were read.</summary>
    public bool Succeeded => Error is null;

    /// <summary>Ready plus unacknowledged messages over every task queue.</summary>
    public long TotalDepth => Rows.Sum(r => r.Queue.Depth);

    /// <summary>Messages in every error queue.</summary>
    public long TotalErrors => Rows.Sum(r => r.ErrorMessages);
}

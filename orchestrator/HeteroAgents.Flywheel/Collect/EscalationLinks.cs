namespace HeteroAgents.Flywheel;

/// <summary>
/// Relates escalation records (<see cref="FrontierCallStatus.Escalated"/>) with the frontier calls that resolved them, so
/// that one escalated task counts once: the frontier call (which carries the escalation reason) stands for a resolved
/// escalation, and the escalation record only for one no frontier call answered or attempted.
/// </summary>
public static class EscalationLinks
{
    /// <summary>
    /// <paramref name="records"/> in order, without the escalation records that a frontier call with the same
    /// <c>task_id</c> resolved (or tried to), and without repeated escalation records of one task (a redelivered event),
    /// of which the first is kept.
    /// </summary>
    public static IReadOnlyList<FrontierCallRecord> CollapseResolved(IEnumerable<FrontierCallRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var list = records as IReadOnlyList<FrontierCallRecord> ?? [.. records];
        var called = new HashSet<string>(
            list.Where(r => !r.IsEscalation() && r.TaskId is not null).Select(r => r.TaskId!),
            StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<FrontierCallRecord>(list.Count);
        foreach (var record in list)
        {
            if (record.IsEscalation() && record.TaskId is { } task && (called.Contains(task) || !seen.Add(task)))
            {
                continue;
            }

            kept.Add(record);
        }

        return kept;
    }

    /// <summary>The escalation records of <paramref name="records"/> that no logged frontier call resolved or attempted (one per task).</summary>
    public static IReadOnlyList<FrontierCallRecord> Unresolved(IEnumerable<FrontierCallRecord> records) =>
        [.. CollapseResolved(records).Where(r => r.IsEscalation())];
}

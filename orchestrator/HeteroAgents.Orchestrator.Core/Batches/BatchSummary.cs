using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>What a batch's output holds, tallied while it is written.</summary>
public sealed class BatchSummary
{
    private readonly Dictionary<string, long> _reasons = new(StringComparer.Ordinal);

    /// <summary>Output lines written.</summary>
    public long Lines { get; private set; }

    /// <summary>Completed lines.</summary>
    public long Completed { get; private set; }

    /// <summary>Escalated lines.</summary>
    public long Escalated { get; private set; }

    /// <summary>Failed lines.</summary>
    public long Failed { get; private set; }

    /// <summary>Counts per escalation reason and error code (e.g. <c>escalated: semantic_invalid</c>, <c>failed: malformed_json</c>).</summary>
    public IReadOnlyDictionary<string, long> Reasons => _reasons;

    /// <summary>Counts one output line.</summary>
    public void Add(BatchOutputLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        Lines++;
        switch (line.Status)
        {
            case BatchTaskStatus.Completed:
                Completed++;
                break;
            case BatchTaskStatus.Escalated:
                Escalated++;
                AddReason("escalated: " + (line.Escalation is { } e ? e.Reason.ToWireName() : "unknown"));
                break;
            default:
                Failed++;
                AddReason("failed: " + (line.Error?.Code ?? "unknown"));
                break;
        }
    }

    private void AddReason(string key) => _reasons[key] = _reasons.GetValueOrDefault(key) + 1;
}

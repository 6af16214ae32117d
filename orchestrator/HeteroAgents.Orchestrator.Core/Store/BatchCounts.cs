namespace HeteroAgents.Orchestrator.Store;

/// <summary>Outcome counters of a batch.</summary>
/// <param name="Total">Task lines read so far (final once the batch is no longer submitting).</param>
/// <param name="Completed">Lines answered with a validated result.</param>
/// <param name="Escalated">Lines the SLM escalated and no frontier model resolved.</param>
/// <param name="Failed">Lines that failed (bad input, cancelled, frontier failure).</param>
public sealed record BatchCounts(long Total, long Completed, long Escalated, long Failed)
{
    /// <summary>Lines with an outcome.</summary>
    public long Done => Completed + Escalated + Failed;

    /// <summary>Lines still waiting for an outcome.</summary>
    public long Pending => Math.Max(0, Total - Done);
}

namespace HeteroAgents.Orchestrator.Store;

/// <summary>What the store knows about a batch.</summary>
/// <param name="Id">The batch id.</param>
/// <param name="InputPath">The input file as given at submission.</param>
/// <param name="CreatedAt">When it was submitted.</param>
/// <param name="State">Its life-cycle state (<see cref="BatchState.Completed"/> is derived from the counters).</param>
/// <param name="Counts">Its counters.</param>
public sealed record BatchInfo(string Id, string InputPath, DateTimeOffset CreatedAt, BatchState State, BatchCounts Counts);

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>
/// Where the conversion loop writes the routing policy that workers read (<c>Hetero:Routing:PolicyFile</c> or
/// <c>PolicyRedisKey</c>), with the policies it replaced (for <c>hetero models rollback</c>) and the registered model
/// candidates next to it. Each write replaces the whole document at once, so a worker never reads half of one.
/// </summary>
public interface IRoutingPolicyStore
{
    /// <summary>The store in words, e.g. <c>file /etc/hetero/policy.json</c> or <c>Redis key hetero:routing-policy</c>.</summary>
    string Name { get; }

    /// <summary>The policy document in force, or null when none was written yet.</summary>
    Task<string?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="json"/> as the policy in force, keeping the one it replaces in the history.</summary>
    Task WriteAsync(string json, CancellationToken cancellationToken);

    /// <summary>Puts the most recently replaced policy back in force and drops it from the history; returns it, or null when the history is empty.</summary>
    Task<string?> RollbackAsync(CancellationToken cancellationToken);

    /// <summary>How many replaced policies the history holds.</summary>
    Task<long> HistoryCountAsync(CancellationToken cancellationToken);

    /// <summary>The model candidates document (<see cref="ModelCandidates"/>), or null when none was written yet.</summary>
    Task<string?> ReadCandidatesAsync(CancellationToken cancellationToken);

    /// <summary>Writes the model candidates document.</summary>
    Task WriteCandidatesAsync(string json, CancellationToken cancellationToken);
}

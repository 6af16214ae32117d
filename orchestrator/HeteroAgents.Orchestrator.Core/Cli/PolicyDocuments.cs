using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Routing;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Reads the policy in force from a store, naming the store when it is not valid.</summary>
internal static class PolicyDocuments
{
    /// <summary>The policy in <paramref name="store"/>, or the built-in one when none was written yet.</summary>
    public static async Task<RoutingPolicy> ReadAsync(IRoutingPolicyStore store, CancellationToken cancellationToken)
    {
        var text = await store.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (text is null)
        {
            return RoutingPolicy.BuiltIn;
        }

        try
        {
            return RoutingPolicyReader.Read(text);
        }
        catch (RoutingPolicyException ex)
        {
            throw new FormatException($"{store.Name}: {ex.Message}", ex);
        }
    }
}

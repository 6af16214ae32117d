namespace HeteroAgents.Worker.Routing;

/// <summary>Where a routing policy document is read from (a file, a Redis key).</summary>
public interface IRoutingPolicySource
{
    /// <summary>The source as failures name it, starting with its configuration key, e.g. <c>Hetero:Routing:PolicyFile '/etc/hetero/policy.json'</c>.</summary>
    string Name { get; }

    /// <summary>The document's text; throws <see cref="RoutingPolicySourceException"/> when it cannot be read or does not exist.</summary>
    string Read();
}

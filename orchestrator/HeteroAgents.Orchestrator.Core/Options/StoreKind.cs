namespace HeteroAgents.Orchestrator.Options;

/// <summary>Where batch job state lives.</summary>
public enum StoreKind
{
    /// <summary>Redis when the transport is RabbitMQ, in-memory otherwise.</summary>
    Auto,

    /// <summary>Process memory (ends with the process).</summary>
    InMemory,

    /// <summary>Redis (survives orchestrator restarts).</summary>
    Redis,
}

namespace HeteroAgents.Messaging;

/// <summary>Which message transport carries tasks and outcomes.</summary>
public enum TransportKind
{
    /// <summary>In-process (MassTransit in-memory transport): no external services; workers run inside the same process.</summary>
    InMemory,

    /// <summary>A RabbitMQ broker: workers run as separate processes, one per task type.</summary>
    RabbitMq,
}

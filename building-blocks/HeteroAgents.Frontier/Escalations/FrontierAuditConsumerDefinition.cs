using MassTransit;

namespace HeteroAgents.Frontier;

/// <summary>Endpoint settings of <see cref="FrontierAuditConsumer"/>: queue <c>hetero-frontier-audits</c>, a couple of frontier calls at once.</summary>
public sealed class FrontierAuditConsumerDefinition : ConsumerDefinition<FrontierAuditConsumer>
{
    /// <summary>The queue the consumer reads audit requests from.</summary>
    public const string QueueName = "hetero-frontier-audits";

    /// <summary>Creates the definition.</summary>
    public FrontierAuditConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 2;
    }
}

using MassTransit;

namespace HeteroAgents.Frontier;

/// <summary>Endpoint settings of <see cref="FrontierEscalationConsumer"/>: queue <c>hetero-frontier-escalations</c>, a few frontier calls at once.</summary>
public sealed class FrontierEscalationConsumerDefinition : ConsumerDefinition<FrontierEscalationConsumer>
{
    /// <summary>The queue the consumer reads escalation events from.</summary>
    public const string QueueName = "hetero-frontier-escalations";

    /// <summary>Creates the definition.</summary>
    public FrontierEscalationConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 4;
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<FrontierEscalationConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        // Frontier failures are answered with TaskFailed, not thrown; retries cover transient publish errors only.
        endpointConfigurator.UseMessageRetry(r => r.Immediate(2));
    }
}

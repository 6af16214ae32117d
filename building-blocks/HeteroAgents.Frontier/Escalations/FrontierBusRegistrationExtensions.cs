using MassTransit;

namespace HeteroAgents.Frontier;

/// <summary>Bus registrations of the frontier, for use inside <c>AddHeteroMessaging(..., bus =&gt; ...)</c>.</summary>
public static class FrontierBusRegistrationExtensions
{
    /// <summary>
    /// Adds <see cref="FrontierEscalationConsumer"/> and <see cref="FrontierAuditConsumer"/> when the services registered so far have a frontier model
    /// (<see cref="FrontierAvailability.Of"/>: call <c>AddHeteroFrontier</c> before <c>AddHeteroMessaging</c>) and returns
    /// whether it did; without a frontier model escalations stay recorded as escalations.
    /// </summary>
    public static bool AddFrontierEscalationConsumer(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        if (!FrontierAvailability.Of(bus).IsConfigured)
        {
            return false;
        }

        bus.AddConsumer<FrontierEscalationConsumer, FrontierEscalationConsumerDefinition>();
        bus.AddConsumer<FrontierAuditConsumer, FrontierAuditConsumerDefinition>();
        return true;
    }
}

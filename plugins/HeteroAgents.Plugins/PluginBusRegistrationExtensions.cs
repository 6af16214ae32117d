using HeteroAgents.Contracts;
using MassTransit;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Plugins;

/// <summary>Bus registrations of the plugins and the escalation resolver, for use inside <c>AddHeteroMessaging(..., x => ...)</c>.</summary>
public static class PluginBusRegistrationExtensions
{
    /// <summary>Registers request clients for the four task messages (published; each worker queue is bound to its message type).</summary>
    public static IBusRegistrationConfigurator AddHeteroPluginRequestClients(this IBusRegistrationConfigurator bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        bus.AddRequestClient<ClassifyTask>();
        bus.AddRequestClient<ExtractTask>();
        bus.AddRequestClient<ToolCallTask>();
        bus.AddRequestClient<SummarizeTask>();
        return bus;
    }

    /// <summary>
    /// Adds <see cref="FrontierEscalationConsumer"/> when <c>Hetero:Frontier:Model</c> is configured and returns whether it
    /// did; without a frontier model escalations stay recorded as escalations. Pass <paramref name="force"/> when the
    /// frontier client is registered in code (<see cref="FrontierServiceCollectionExtensions.AddHeteroFrontier(Microsoft.Extensions.DependencyInjection.IServiceCollection, Func{IServiceProvider, Microsoft.Extensions.AI.IChatClient}, Action{Microsoft.Extensions.AI.ChatClientBuilder}?)"/>).
    /// </summary>
    public static bool AddFrontierEscalationConsumer(this IBusRegistrationConfigurator bus, IConfiguration configuration, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(FrontierOptions.SectionName).Get<FrontierOptions>() ?? new FrontierOptions();
        if (!options.IsConfigured && !force)
        {
            return false;
        }

        bus.AddConsumer<FrontierEscalationConsumer, FrontierEscalationConsumerDefinition>();
        return true;
    }
}

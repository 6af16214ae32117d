using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Plugins;

/// <summary>Bus registrations of the plugins, for use inside <c>AddHeteroMessaging(..., x => ...)</c>.</summary>
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
}

using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using HeteroAgents.Security;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HeteroAgents.Plugins;

/// <summary>One-line registration of the HeteroAgents functions in an app's services.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything an app needs to call the functions: the frontier model when <c>Hetero:Frontier:Model</c> is set,
    /// the plugin services (<see cref="AddHeteroAgentsPluginServices"/>) and the bus (<c>Hetero:Messaging</c>: in-memory or
    /// RabbitMQ) with request clients for the four task types. <paramref name="configureBus"/> adds further consumers to the
    /// same bus; <paramref name="configureFrontier"/> adds middleware around the frontier client (e.g. the conversion loop's
    /// <c>b =&gt; b.UseFlywheelLogging().UseCostAccounting()</c>). For an app without a fleet, HeteroAgents.Plugins.Embedded's
    /// <c>AddHeteroAgentsEmbedded</c> adds the workers in the same process in one call.
    /// </summary>
    public static IServiceCollection AddHeteroAgentsPlugins(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? configureBus = null,
        Action<ChatClientBuilder>? configureFrontier = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHeteroAgentsPluginServices(configuration, configureFrontier);
        services.AddHeteroMessaging(configuration, bus =>
        {
            bus.AddHeteroPluginRequestClients();
            configureBus?.Invoke(bus);
        });
        return services;
    }

    /// <summary>
    /// Adds the plugin services without a bus, for hosts that register their own with <c>AddHeteroMessaging</c>
    /// (call <see cref="PluginBusRegistrationExtensions.AddHeteroPluginRequestClients"/> there): <see cref="HeteroPluginOptions"/>
    /// (<c>Hetero:Plugins</c>, validated at start), the frontier (<c>AddHeteroFrontier</c>: options, client when configured,
    /// <see cref="FrontierAvailability"/>, resolver), the <see cref="HeteroTaskClient"/> and one <see cref="HeteroAgentsFunctions"/>
    /// (a session of its own).
    /// </summary>
    public static IServiceCollection AddHeteroAgentsPluginServices(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<ChatClientBuilder>? configureFrontier = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<HeteroPluginOptions>()
            .BindConfiguration(HeteroPluginOptions.SectionName)
            .ValidateSection(HeteroPluginOptions.SectionName, new HeteroPluginOptionsAnnotationValidator())
            .ValidateOnStart();
        services.AddHeteroFrontier(configuration, configureFrontier);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HeteroTaskClient>();
        services.TryAddSingleton(sp => new HeteroAgentsFunctions(sp.GetRequiredService<HeteroTaskClient>()));
        return services;
    }
}

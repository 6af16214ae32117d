using HeteroAgents.Messaging;
using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins;

/// <summary>One-line registration of the HeteroAgents plugins in an app's services.</summary>
public static class PluginServiceCollectionExtensions
{
    /// <summary>
    /// Adds everything an SK app needs: the bus (<c>Hetero:Messaging</c>: in-memory or RabbitMQ) with request
    /// clients for the four task types, the frontier model when <c>Hetero:Frontier:Model</c> is set, and the plugin
    /// services. <paramref name="configureBus"/> adds further consumers to the same bus (e.g. in-process workers);
    /// <paramref name="configureFrontier"/> adds middleware around the frontier client. A <see cref="KernelPlugin"/> is
    /// registered too, so kernels created from these services (<c>services.AddKernel()</c>) include the plugins.
    /// </summary>
    public static IServiceCollection AddHeteroAgentsPlugins(
        this IServiceCollection services,
        IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? configureBus = null,
        Action<ChatClientBuilder>? configureFrontier = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHeteroMessaging(configuration, bus =>
        {
            bus.AddHeteroPluginRequestClients();
            configureBus?.Invoke(bus);
        });
        return services.AddHeteroAgentsPluginServices(configuration, configureFrontier);
    }

    /// <summary>
    /// Adds the plugin services without a bus, for hosts that register their own with <c>AddHeteroMessaging</c>
    /// (call <see cref="PluginBusRegistrationExtensions.AddHeteroPluginRequestClients"/> there).
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
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<PlannerOptions>()
            .BindConfiguration(PlannerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHeteroFrontier(configuration, configureFrontier);

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EscalationResolver>();
        services.TryAddSingleton<HeteroTaskClient>();
        services.TryAddSingleton(sp => new HeteroAgentsPlugin(sp.GetRequiredService<HeteroTaskClient>()));
        services.TryAddSingleton<HeteroPlanner>();
        services.AddSingleton(sp => KernelPluginFactory.CreateFromObject(
            sp.GetRequiredService<HeteroAgentsPlugin>(),
            sp.GetRequiredService<IOptions<HeteroPluginOptions>>().Value.PluginName,
            sp.GetService<Microsoft.Extensions.Logging.ILoggerFactory>()));
        return services;
    }
}

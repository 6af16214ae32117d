using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins;

/// <summary>Embedded mode: the HeteroAgents functions for an app without a fleet.</summary>
public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>
    /// Adds the functions (<see cref="PluginServiceCollectionExtensions.AddHeteroAgentsPlugins"/>) together with the four
    /// workers in the app's own process (<c>AddHeteroTaskConsumers</c> on the same bus, <c>AddHeteroWorker</c>): with the
    /// default in-memory transport nothing else has to run. The SLM is the worker's (<c>Hetero:Slm</c>: e.g.
    /// <c>Hetero:Slm:ModelPath</c>, a model folder served in-process, or <c>Hetero:Slm:Endpoint</c>);
    /// <paramref name="configureFrontier"/> adds middleware around the frontier client.
    /// </summary>
    public static IServiceCollection AddHeteroAgentsEmbedded(
        this IServiceCollection services, IConfiguration configuration, Action<ChatClientBuilder>? configureFrontier = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddHeteroWorker(configuration);
        return services.AddHeteroAgentsPlugins(configuration, bus => bus.AddHeteroTaskConsumers(), configureFrontier);
    }
}

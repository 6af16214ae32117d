using HeteroAgents.Frontier;
using HeteroAgents.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>Semantic Kernel registrations on top of the plugin services (<see cref="PluginServiceCollectionExtensions.AddHeteroAgentsPlugins"/>).</summary>
public static class SemanticKernelServiceCollectionExtensions
{
    /// <summary>
    /// Registers the functions of the registered <see cref="HeteroAgentsFunctions"/> as a <see cref="KernelPlugin"/>, so that
    /// kernels created from these services (<c>services.AddKernel()</c>) include them; do not import them a second time
    /// into such a kernel.
    /// </summary>
    public static IServiceCollection AddHeteroAgentsKernelPlugin(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => KernelPluginCollectionExtensions.CreatePlugin(sp.GetRequiredService<HeteroAgentsFunctions>(), sp));
        return services;
    }

    /// <summary>
    /// Registers the <see cref="HeteroPlanner"/> behind <c>hetero run</c> and its <see cref="PlannerOptions"/> (<c>Hetero:Planner</c>,
    /// validated at start). It plans with the frontier model (<see cref="FrontierAvailability"/> must say one is configured).
    /// </summary>
    public static IServiceCollection AddHeteroPlanner(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<PlannerOptions>()
            .BindConfiguration(PlannerOptions.SectionName)
            .ValidateSection(PlannerOptions.SectionName, new PlannerOptionsAnnotationValidator())
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HeteroPlanner>();
        return services;
    }
}

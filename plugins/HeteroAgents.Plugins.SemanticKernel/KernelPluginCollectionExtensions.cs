using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.SemanticKernel;

/// <summary>One-line import of the HeteroAgents functions into a kernel.</summary>
public static class KernelPluginCollectionExtensions
{
    /// <summary>
    /// Adds the <c>classify</c>, <c>extract</c>, <c>call_tool</c> and <c>summarize</c> functions (plugin name from
    /// <see cref="HeteroPluginOptions.PluginName"/>, default <c>hetero</c>) to <paramref name="plugins"/>, e.g.
    /// <c>kernel.Plugins.AddHeteroAgents(app.Services)</c>: the <see cref="HeteroAgentsFunctions.AsAIFunctions"/> as kernel
    /// functions. <paramref name="services"/> must hold the plugin services
    /// (<see cref="PluginServiceCollectionExtensions.AddHeteroAgentsPlugins"/>). A <paramref name="sessionId"/> groups the
    /// calls' tasks (their batch id); by default each import starts a new session.
    /// </summary>
    public static KernelPlugin AddHeteroAgents(this ICollection<KernelPlugin> plugins, IServiceProvider services, string? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(services);
        var client = services.GetService<HeteroTaskClient>()
            ?? throw new InvalidOperationException("The HeteroAgents plugin services are not registered: call services.AddHeteroAgentsPlugins(configuration) first.");
        var plugin = CreatePlugin(new HeteroAgentsFunctions(client, sessionId), services);
        plugins.Add(plugin);
        return plugin;
    }

    /// <summary>The kernel plugin of <paramref name="functions"/>, named by <see cref="HeteroPluginOptions.PluginName"/>.</summary>
    internal static KernelPlugin CreatePlugin(HeteroAgentsFunctions functions, IServiceProvider services) =>
        KernelPluginFactory.CreateFromFunctions(
            services.GetRequiredService<IOptions<HeteroPluginOptions>>().Value.PluginName,
            functions.AsAIFunctions().Select(f => f.AsKernelFunction()));
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins;

/// <summary>One-line import of the HeteroAgents functions into a kernel.</summary>
public static class KernelPluginCollectionExtensions
{
    /// <summary>
    /// Adds the <c>classify</c>, <c>extract</c>, <c>call_tool</c> and <c>summarize</c> functions (plugin name from
    /// <see cref="HeteroPluginOptions.PluginName"/>, default <c>hetero</c>) to <paramref name="plugins"/>, e.g.
    /// <c>kernel.Plugins.AddHeteroAgents(app.Services)</c>. <paramref name="services"/> must hold the plugin services
    /// (<see cref="PluginServiceCollectionExtensions.AddHeteroAgentsPlugins"/>). A <paramref name="sessionId"/> groups the
    /// calls' tasks (their batch id); by default each import starts a new session.
    /// </summary>
    public static KernelPlugin AddHeteroAgents(this ICollection<KernelPlugin> plugins, IServiceProvider services, string? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(plugins);
        ArgumentNullException.ThrowIfNull(services);
        var client = services.GetService<HeteroTaskClient>()
            ?? throw new InvalidOperationException("The HeteroAgents plugin services are not registered: call services.AddHeteroAgentsPlugins(configuration) first.");
        var options = services.GetRequiredService<IOptions<HeteroPluginOptions>>().Value;
        var plugin = KernelPluginFactory.CreateFromObject(
            new HeteroAgentsPlugin(client, sessionId), options.PluginName, services.GetService<ILoggerFactory>());
        plugins.Add(plugin);
        return plugin;
    }
}

using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Plugins.AgentFramework;

/// <summary>The HeteroAgents functions as the tools of a Microsoft Agent Framework agent.</summary>
public static class HeteroAgentChatClientExtensions
{
    /// <summary>The agent's instructions when none are given: hand sub-steps to the tools, then answer.</summary>
    public const string DefaultInstructions =
        "Hand every classification, field extraction, tool routing and summarization sub-step to the tools classify, extract, "
        + "call_tool and summarize instead of doing it yourself: they run on small specialised models. Pass texts verbatim. "
        + "Then combine their results into a concise answer.";

    /// <summary>
    /// Creates a <see cref="ChatClientAgent"/> over <paramref name="chatClient"/> (the agent's own model, e.g. the frontier)
    /// whose tools are <see cref="HeteroAgentsFunctions.AsAIFunctions"/>: the agent's function-calling loop invokes them and
    /// they run on the fleet. <paramref name="services"/> must hold the plugin services
    /// (<see cref="PluginServiceCollectionExtensions.AddHeteroAgentsPlugins"/>, or HeteroAgents.Plugins.Embedded's
    /// <c>AddHeteroAgentsEmbedded</c>). A <paramref name="sessionId"/> groups the calls' tasks (their batch id); by default each
    /// agent starts a new session.
    /// </summary>
    public static ChatClientAgent AsHeteroAgent(
        this IChatClient chatClient, IServiceProvider services, string? instructions = null, string? name = null, string? sessionId = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentNullException.ThrowIfNull(services);
        var client = services.GetService<HeteroTaskClient>()
            ?? throw new InvalidOperationException("The HeteroAgents plugin services are not registered: call services.AddHeteroAgentsPlugins(configuration) (or AddHeteroAgentsEmbedded) first.");
        var tools = new HeteroAgentsFunctions(client, sessionId).AsAIFunctions().Cast<AITool>().ToList();
        return chatClient.AsAIAgent(instructions ?? DefaultInstructions, name ?? "hetero", description: null, tools, services.GetService<ILoggerFactory>(), services);
    }
}

using HeteroAgents.Plugins.AgentFramework;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Samples.AgentFramework;

/// <summary>
/// The sample's agent: a support-ticket triage agent whose model (the frontier) plans and whose tools — classify,
/// extract, call_tool, summarize — run on the small models of the embedded fleet.
/// </summary>
public static class SupportTriage
{
    /// <summary>The ticket the sample triages.</summary>
    public const string Ticket = "Hi, I was charged twice for order A-1234 on 3 May. Please refund one of the payments. Jane";

    /// <summary>The intents the agent chooses from.</summary>
    public static readonly string[] Intents = ["refund", "shipping", "other"];

    /// <summary>What the agent is told.</summary>
    public const string Instructions =
        "You triage support tickets. Use the classify tool for the ticket's intent (labels: refund, shipping, other) and the "
        + "summarize tool for a one-line summary; pass the ticket verbatim. Answer with the intent and the summary.";

    /// <summary>Asks the agent over <paramref name="agentModel"/> to triage <paramref name="ticket"/>, with the functions of <paramref name="services"/> as its tools.</summary>
    public static Task<AgentResponse> RunAsync(IChatClient agentModel, IServiceProvider services, string ticket = Ticket, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(agentModel);
        ArgumentNullException.ThrowIfNull(services);
        ChatClientAgent agent = agentModel.AsHeteroAgent(services, Instructions, name: "support-triage");
        return agent.RunAsync("Triage this support ticket: " + ticket, cancellationToken: cancellationToken);
    }
}

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>Whether the host resolves escalations with the frontier model (<c>Hetero:Frontier:Model</c> is set).</summary>
/// <param name="Enabled">True when the frontier escalation consumer is on the bus.</param>
internal sealed record FrontierResolution(bool Enabled);

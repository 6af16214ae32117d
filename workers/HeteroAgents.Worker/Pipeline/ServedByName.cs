namespace HeteroAgents.Worker.Pipeline;

/// <summary>What outcomes report as <c>served_by</c>: <c>slm:&lt;model&gt;</c>, or <c>slm:unconfigured</c> when no backend is configured.</summary>
/// <param name="Value">The <c>served_by</c> text.</param>
public sealed record ServedByName(string Value);

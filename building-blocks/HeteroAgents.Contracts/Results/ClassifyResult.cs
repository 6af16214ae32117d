namespace HeteroAgents.Contracts;

/// <summary>Result of a classify task.</summary>
/// <param name="Label">The chosen label; always one of the task's labels.</param>
public sealed record ClassifyResult(string Label);

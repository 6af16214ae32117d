namespace HeteroAgents.Contracts;

/// <summary>Input of a classify task: pick exactly one of <see cref="Labels"/> for <see cref="Text"/>.</summary>
/// <param name="Text">The text to classify.</param>
/// <param name="Labels">The closed set of labels; at least two, unique.</param>
/// <param name="Instructions">Optional guidance on what the labels mean.</param>
public sealed record ClassifyInput(string Text, IReadOnlyList<string> Labels, string? Instructions = null);

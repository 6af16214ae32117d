namespace HeteroAgents.Contracts;

/// <summary>Input of a summarize task.</summary>
/// <param name="Text">The text to summarize.</param>
/// <param name="MaxWords">Upper bound on the summary's length in words.</param>
public sealed record SummarizeInput(string Text, int MaxWords = 60);

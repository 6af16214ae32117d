namespace HeteroAgents.Contracts;

/// <summary>Result of a summarize task.</summary>
/// <param name="Summary">The summary, at most the task's <c>max_words</c> words.</param>
public sealed record SummarizeResult(string Summary);

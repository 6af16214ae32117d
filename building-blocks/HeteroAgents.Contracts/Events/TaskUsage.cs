namespace HeteroAgents.Contracts;

/// <summary>Token accounting for one model call.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
public sealed record TaskUsage(long InputTokens, long OutputTokens)
{
    /// <summary>No tokens.</summary>
    public static TaskUsage None { get; } = new(0, 0);

    /// <summary>Total tokens.</summary>
    public long TotalTokens => InputTokens + OutputTokens;
}

namespace HeteroAgents.Inference.Batching;

/// <summary>What the prefix KV cache has done since the model was loaded.</summary>
/// <param name="Lookups">Prompts looked up (generation and candidate scoring).</param>
/// <param name="Hits">Lookups that reused a cached prefix.</param>
/// <param name="ReusedTokens">Prompt tokens whose KV came from the cache instead of a forward pass.</param>
/// <param name="PromptTokens">Prompt tokens looked up in all.</param>
/// <param name="Entries">Prefixes held now.</param>
/// <param name="Bytes">Native bytes held now.</param>
/// <param name="BudgetBytes">The configured budget (0: the cache is off).</param>
public readonly record struct PrefixCacheStatistics(long Lookups, long Hits, long ReusedTokens, long PromptTokens, int Entries, long Bytes, long BudgetBytes)
{
    /// <summary>Hits per lookup (0 when nothing was looked up).</summary>
    public double HitRate => Lookups == 0 ? 0 : (double)Hits / Lookups;

    /// <summary>The share of prompt tokens served from the cache.</summary>
    public double TokenReuseRate => PromptTokens == 0 ? 0 : (double)ReusedTokens / PromptTokens;
}

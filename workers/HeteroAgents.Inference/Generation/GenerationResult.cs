namespace HeteroAgents.Inference.Generation;

/// <summary>A finished completion with its confidence figures.</summary>
public sealed record GenerationResult
{
    /// <summary>The generated text (without the stop sequence or special tokens).</summary>
    public required string Text { get; init; }

    /// <summary>Every generated token with its log-probability, including a final stop token.</summary>
    public required IReadOnlyList<GenerationStep> Tokens { get; init; }

    /// <summary>Why generation ended.</summary>
    public required GenerationFinishReason FinishReason { get; init; }

    /// <summary>Tokens in the prompt.</summary>
    public required int PromptTokenCount { get; init; }

    /// <summary>Sum of the generated tokens' natural-log probabilities.</summary>
    public double SequenceLogProbability => Tokens.Sum(t => t.LogProbability);

    /// <summary>The smallest probability of any generated token (1 when none).</summary>
    public double MinTokenProbability => Tokens.Count == 0 ? 1 : Math.Exp(Tokens.Min(t => t.LogProbability));

    /// <summary>Geometric mean of the token probabilities (1 when none).</summary>
    public double MeanTokenProbability => Tokens.Count == 0 ? 1 : Math.Exp(SequenceLogProbability / Tokens.Count);
}

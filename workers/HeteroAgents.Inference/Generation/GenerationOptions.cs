using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Generation;

/// <summary>How one completion is generated.</summary>
public sealed record GenerationOptions
{
    /// <summary>Most tokens to generate (capped by the context window).</summary>
    public int MaxTokens { get; init; } = 256;

    /// <summary>Sampling temperature; 0 (the default) is greedy decoding.</summary>
    public float Temperature { get; init; }

    /// <summary>Nucleus sampling: keep the smallest set of most likely tokens whose probability reaches this (1 = off).</summary>
    public float TopP { get; init; } = 1f;

    /// <summary>Keep only the K most likely tokens (0 = off).</summary>
    public int TopK { get; init; }

    /// <summary>Seed of the sampler; the same seed, prompt and options give the same output.</summary>
    public int? Seed { get; init; }

    /// <summary>Texts that end generation; the returned text stops before the first occurrence.</summary>
    public IReadOnlyList<string> StopSequences { get; init; } = [];

    /// <summary>Token ids that end generation in addition to the model's end-of-sequence/end-of-turn tokens.</summary>
    public IReadOnlyList<int> StopTokenIds { get; init; } = [];

    /// <summary>
    /// Optional constraint on the next token (the constrained-decoding hook): disallowed tokens are masked out of
    /// the logits before selection; stop tokens are allowed only while the constraint is accepting.
    /// </summary>
    public ITokenConstraint? Constraint { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first invalid field.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 1, nameof(MaxTokens));
        if (!(Temperature >= 0) || float.IsInfinity(Temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(Temperature), Temperature, "Temperature must be a finite number >= 0.");
        }

        if (!(TopP > 0 && TopP <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TopP), TopP, "TopP must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(TopK, nameof(TopK));
        if (StopSequences.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("Stop sequences must not be empty.", nameof(StopSequences));
        }
    }
}

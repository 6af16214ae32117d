namespace HeteroAgents.ModelMaker;

/// <summary>The named model shapes <c>make-model</c> can write.</summary>
public static class ModelPresets
{
    /// <summary>A tiny Llama (untied head, no bias) for fast unit tests: 1,024 tokens, 64 wide, 2 layers, 4 heads / 2 kv heads.</summary>
    public static ModelPreset Tiny { get; } = new("tiny", "llama", 1024, 64, 192, 2, 4, 2, 512, 1e-5f, 10000f, false, false);

    /// <summary>A tiny Qwen2 (q/k/v bias, tied embeddings) for fast unit tests of the Qwen code paths.</summary>
    public static ModelPreset TinyQwen2 { get; } = new("tiny-qwen2", "qwen2", 1024, 64, 160, 2, 4, 1, 512, 1e-6f, 1000000f, true, true);

    /// <summary>SmolLM2-135M dimensions with an untied 49,152-token head (163M parameters).</summary>
    public static ModelPreset SmolLM2_135M { get; } = new("smollm2-135m", "llama", 49152, 576, 1536, 30, 9, 3, 8192, 1e-5f, 100000f, false, false);

    /// <summary>Qwen2.5-0.5B dimensions: 151,936 tokens, q/k/v bias, tied embeddings.</summary>
    public static ModelPreset Qwen25_05B { get; } = new("qwen2.5-0.5b", "qwen2", 151936, 896, 4864, 24, 14, 2, 32768, 1e-6f, 1000000f, true, true);

    /// <summary>A tiny Qwen3 (q/k RMSNorm, head_dim 32 ≠ 64 / 4, tied embeddings) for fast unit tests of the Qwen3 code paths.</summary>
    public static ModelPreset TinyQwen3 { get; } = new("tiny-qwen3", "qwen3", 1024, 64, 160, 2, 4, 2, 512, 1e-6f, 1000000f, true, false) { ExplicitHeadDim = 32, QkNorm = true };

    /// <summary>Qwen3-0.6B dimensions: 151,936 tokens, hidden 1,024, 28 layers, 16 / 8 heads of 128, q/k RMSNorm, tied embeddings.</summary>
    public static ModelPreset Qwen3_06B { get; } = new("qwen3-0.6b", "qwen3", 151936, 1024, 3072, 28, 16, 8, 40960, 1e-6f, 1000000f, true, false) { ExplicitHeadDim = 128, QkNorm = true };

    /// <summary>All presets.</summary>
    public static IReadOnlyList<ModelPreset> All { get; } = [Tiny, TinyQwen2, TinyQwen3, SmolLM2_135M, Qwen25_05B, Qwen3_06B];

    /// <summary>Finds a preset by name (case-insensitive); throws naming the valid names otherwise.</summary>
    public static ModelPreset Get(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown preset '{name}'. Known presets: {string.Join(", ", All.Select(p => p.Name))}.", nameof(name));
}

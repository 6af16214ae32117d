namespace HeteroAgents.Inference.Models;

/// <summary>The parts of a Hugging Face <c>config.json</c> the runtime needs.</summary>
public sealed record ModelConfig
{
    /// <summary>The <c>model_type</c> string as written in the file.</summary>
    public required string ModelType { get; init; }

    /// <summary>The family the model type maps to.</summary>
    public required ModelFamily Family { get; init; }

    /// <summary><c>vocab_size</c>: rows of the output head.</summary>
    public required int VocabularySize { get; init; }

    /// <summary><c>num_hidden_layers</c>.</summary>
    public required int LayerCount { get; init; }

    /// <summary><c>num_attention_heads</c>.</summary>
    public required int AttentionHeadCount { get; init; }

    /// <summary><c>num_key_value_heads</c> (defaults to the attention head count).</summary>
    public required int KeyValueHeadCount { get; init; }

    /// <summary><c>head_dim</c>, or <c>hidden_size / num_attention_heads</c>.</summary>
    public required int HeadDimension { get; init; }

    /// <summary><c>max_position_embeddings</c>: the context window in tokens.</summary>
    public required int ContextWindow { get; init; }

    /// <summary><c>bos_token_id</c>, if any.</summary>
    public int? BosTokenId { get; init; }

    /// <summary><c>eos_token_id</c> (one or several).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary>Reads and validates <c>config.json</c>.</summary>
    /// <exception cref="ModelLoadException">The file is missing, malformed, or names an unsupported architecture.</exception>
    public static ModelConfig Load(string path)
    {
        using var doc = JsonFile.Read(path);
        var root = doc.RootElement;
        var file = Path.GetFileName(path);
        var type = JsonFile.String(root, "model_type")
            ?? throw new ModelLoadException($"'{path}': field 'model_type' is missing.");
        var family = MapFamily(type)
            ?? throw new ModelLoadException($"'{path}': model_type '{type}' is not a supported architecture (supported: llama, mistral, qwen2, qwen3, phi3, gemma, gemma2, gemma3_text).");
        var text = root.TryGetProperty("text_config", out var tc) && tc.ValueKind == System.Text.Json.JsonValueKind.Object ? tc : root;

        int Required(string name) => JsonFile.Int(text, name, file) is { } v && v > 0
            ? v
            : throw new ModelLoadException($"'{path}': field '{name}' is missing or not a positive integer.");

        var heads = Required("num_attention_heads");
        var hidden = Required("hidden_size");
        return new ModelConfig
        {
            ModelType = type,
            Family = family,
            VocabularySize = Required("vocab_size"),
            LayerCount = Required("num_hidden_layers"),
            AttentionHeadCount = heads,
            KeyValueHeadCount = JsonFile.Int(text, "num_key_value_heads", file) ?? heads,
            HeadDimension = JsonFile.Int(text, "head_dim", file) ?? hidden / heads,
            ContextWindow = JsonFile.Int(text, "max_position_embeddings", file) ?? 2048,
            BosTokenId = JsonFile.Int(root, "bos_token_id", file),
            EosTokenIds = JsonFile.Ints(root, "eos_token_id", file),
        };
    }

    /// <summary>Maps a <c>model_type</c> to a family, or null when unsupported.</summary>
    public static ModelFamily? MapFamily(string modelType) => modelType.ToUpperInvariant() switch
    {
        "LLAMA" or "MISTRAL" => ModelFamily.Llama,
        "QWEN2" => ModelFamily.Qwen2,
        "QWEN3" => ModelFamily.Qwen3,
        "PHI3" => ModelFamily.Phi3,
        "GEMMA" or "GEMMA2" or "GEMMA3_TEXT" or "GEMMA3" => ModelFamily.Gemma,
        _ => null,
    };
}

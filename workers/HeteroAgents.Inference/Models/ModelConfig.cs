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

    /// <summary><c>layer_types</c> (Qwen3, Gemma 3): per layer <c>full_attention</c> or <c>sliding_attention</c>; empty when absent.</summary>
    public IReadOnlyList<string> LayerTypes { get; init; } = [];

    /// <summary>The onnx-community <c>transformers.js_config</c>, or null.</summary>
    public TransformersJsConfig? TransformersJs { get; init; }

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
        var layers = Required("num_hidden_layers");
        var headDim = JsonFile.Int(text, "head_dim", file);
        if (headDim is null && hidden % heads != 0)
        {
            throw new ModelLoadException($"'{path}': hidden_size {hidden} is not a multiple of num_attention_heads {heads} and there is no 'head_dim'.");
        }

        return new ModelConfig
        {
            ModelType = type,
            Family = family,
            VocabularySize = Required("vocab_size"),
            LayerCount = layers,
            AttentionHeadCount = heads,
            KeyValueHeadCount = JsonFile.Int(text, "num_key_value_heads", file) ?? heads,
            HeadDimension = headDim ?? hidden / heads,
            ContextWindow = JsonFile.Int(text, "max_position_embeddings", file) ?? 2048,
            BosTokenId = JsonFile.Int(root, "bos_token_id", file),
            EosTokenIds = JsonFile.Ints(root, "eos_token_id", file),
            LayerTypes = ReadLayerTypes(text, layers, path),
            TransformersJs = TransformersJsConfig.Read(root, path),
        };
    }

    private static List<string> ReadLayerTypes(System.Text.Json.JsonElement text, int layers, string path)
    {
        if (!text.TryGetProperty("layer_types", out var lt) || lt.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return [];
        }

        var list = lt.ValueKind == System.Text.Json.JsonValueKind.Array ? lt.EnumerateArray().Select(e => e.GetString() ?? string.Empty).ToList() : null;
        if (list is null || list.Count != layers)
        {
            throw new ModelLoadException($"'{path}': field 'layer_types' must list one entry per layer ({layers}, num_hidden_layers), found {lt.GetRawText()[..Math.Min(80, lt.GetRawText().Length)]}.");
        }

        var unknown = list.FirstOrDefault(t => t is not ("full_attention" or "sliding_attention"));
        return unknown is null
            ? list
            : throw new ModelLoadException($"'{path}': layer_types entry '{unknown}' is not full_attention or sliding_attention.");
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

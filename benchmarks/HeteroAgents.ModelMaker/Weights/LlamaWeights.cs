namespace HeteroAgents.ModelMaker.Weights;

/// <summary>
/// The seeded random weights of a preset, by Hugging Face tensor name and in Hugging Face layout
/// (linear weights are <c>[out, in]</c>). Each tensor is generated on demand and is identical on every call.
/// </summary>
public sealed class LlamaWeights
{
    /// <summary>Creates the weight source for a preset and seed.</summary>
    public LlamaWeights(ModelPreset preset, int seed)
    {
        ArgumentNullException.ThrowIfNull(preset);
        preset.Validate();
        Preset = preset;
        Seed = seed;
    }

    /// <summary>The model dimensions.</summary>
    public ModelPreset Preset { get; }

    /// <summary>The weight seed.</summary>
    public int Seed { get; }

    /// <summary>Name of the token embedding (<c>[vocab, hidden]</c>).</summary>
    public const string Embedding = "model.embed_tokens.weight";

    /// <summary>Name of the final norm weight.</summary>
    public const string FinalNorm = "model.norm.weight";

    /// <summary>Name of the untied LM head (<c>[vocab, hidden]</c>).</summary>
    public const string LmHead = "lm_head.weight";

    /// <summary>Name of a tensor of layer <paramref name="layer"/>, e.g. <c>self_attn.q_proj.weight</c>.</summary>
    public static string Layer(int layer, string suffix) => $"model.layers.{layer}.{suffix}";

    /// <summary>The shape (Hugging Face layout) of a named tensor.</summary>
    public int[] Shape(string name)
    {
        int h = Preset.HiddenSize, q = Preset.NumHeads * Preset.HeadDim, kv = Preset.NumKvHeads * Preset.HeadDim, i = Preset.IntermediateSize;
        if (name is Embedding or LmHead)
        {
            return [Preset.VocabSize, h];
        }

        if (name == FinalNorm)
        {
            return [h];
        }

        var suffix = name[(name.IndexOf('.', "model.layers.".Length) + 1)..];
        return suffix switch
        {
            "input_layernorm.weight" or "post_attention_layernorm.weight" => [h],
            "self_attn.q_norm.weight" or "self_attn.k_norm.weight" => [Preset.HeadDim],
            "self_attn.q_proj.weight" => [q, h],
            "self_attn.k_proj.weight" or "self_attn.v_proj.weight" => [kv, h],
            "self_attn.q_proj.bias" => [q],
            "self_attn.k_proj.bias" or "self_attn.v_proj.bias" => [kv],
            "self_attn.o_proj.weight" => [h, q],
            "mlp.gate_proj.weight" or "mlp.up_proj.weight" => [i, h],
            "mlp.down_proj.weight" => [h, i],
            _ => throw new ArgumentException($"Unknown tensor '{name}'.", nameof(name)),
        };
    }

    /// <summary>Generates the named tensor (row-major, Hugging Face layout).</summary>
    public float[] Get(string name)
    {
        var shape = Shape(name);
        var data = new float[shape.Aggregate(1, (a, b) => a * b)];
        var rng = new SeededNormal(Seed, name);
        var tied = Preset.TieWordEmbeddings;
        if (name == FinalNorm && tied)
        {
            // Tied head: a small embedding keeps each token's own embedding from dominating the residual stream
            // (which makes random models repeat their input); the larger final norm restores the logit scale.
            rng.Fill(data, 5f, 0.5f);
        }
        else if (name.EndsWith("norm.weight", StringComparison.Ordinal))
        {
            rng.Fill(data, 1f, 0.1f);
        }
        else if (name.EndsWith(".bias", StringComparison.Ordinal))
        {
            rng.Fill(data, 0f, 0.1f);
        }
        else if (name is Embedding or LmHead)
        {
            // Logits come out with a standard deviation of about 2.5: peaked enough that greedy choices have clear margins.
            rng.Fill(data, 0f, (tied ? 0.5f : 2.5f) / MathF.Sqrt(Preset.HiddenSize));
        }
        else
        {
            rng.Fill(data, 0f, 1f / MathF.Sqrt(shape[1]));
        }

        return data;
    }

    /// <summary>The per-layer tensor suffixes in writing order.</summary>
    public IEnumerable<string> LayerTensorSuffixes()
    {
        yield return "input_layernorm.weight";
        yield return "self_attn.q_proj.weight";
        yield return "self_attn.k_proj.weight";
        yield return "self_attn.v_proj.weight";
        if (Preset.AttentionBias)
        {
            yield return "self_attn.q_proj.bias";
            yield return "self_attn.k_proj.bias";
            yield return "self_attn.v_proj.bias";
        }

        if (Preset.QkNorm)
        {
            yield return "self_attn.q_norm.weight";
            yield return "self_attn.k_norm.weight";
        }

        yield return "self_attn.o_proj.weight";
        yield return "post_attention_layernorm.weight";
        yield return "mlp.gate_proj.weight";
        yield return "mlp.up_proj.weight";
        yield return "mlp.down_proj.weight";
    }
}

namespace HeteroAgents.ModelMaker;

/// <summary>
/// The dimensions and family of a Llama-architecture decoder (Llama / SmolLM2, Qwen2 with q/k/v bias, or Qwen3 with
/// q/k RMSNorm and a head width of its own).
/// </summary>
/// <param name="Name">Preset name as given on the command line, e.g. <c>tiny</c>.</param>
/// <param name="Family">Hugging Face <c>model_type</c>: <c>llama</c>, <c>qwen2</c> or <c>qwen3</c>.</param>
/// <param name="VocabSize">Vocabulary size (tokenizer and embedding rows; they match exactly).</param>
/// <param name="HiddenSize">Residual stream width.</param>
/// <param name="IntermediateSize">SwiGLU MLP width.</param>
/// <param name="NumLayers">Number of decoder layers.</param>
/// <param name="NumHeads">Number of query heads.</param>
/// <param name="NumKvHeads">Number of key/value heads (grouped-query attention).</param>
/// <param name="MaxPositionEmbeddings">Context window in tokens.</param>
/// <param name="RmsNormEps">RMSNorm epsilon.</param>
/// <param name="RopeTheta">Rotary embedding base.</param>
/// <param name="TieWordEmbeddings">Whether the LM head reuses the token embedding matrix.</param>
/// <param name="AttentionBias">Whether q/k/v projections have a bias (Qwen2).</param>
public sealed record ModelPreset(
    string Name,
    string Family,
    int VocabSize,
    int HiddenSize,
    int IntermediateSize,
    int NumLayers,
    int NumHeads,
    int NumKvHeads,
    int MaxPositionEmbeddings,
    float RmsNormEps,
    float RopeTheta,
    bool TieWordEmbeddings,
    bool AttentionBias)
{
    /// <summary><c>head_dim</c> when it is not <c>hidden_size / num_attention_heads</c> (Qwen3: 128 at hidden 1,024 and 16 heads).</summary>
    public int? ExplicitHeadDim { get; init; }

    /// <summary>Whether queries and keys get a per-head RMSNorm before the rotary embedding (Qwen3's <c>q_norm</c>/<c>k_norm</c>).</summary>
    public bool QkNorm { get; init; }

    /// <summary>Width of one attention head.</summary>
    public int HeadDim => ExplicitHeadDim ?? HiddenSize / NumHeads;

    /// <summary>Number of query heads served by each key/value head.</summary>
    public int GroupSize => NumHeads / NumKvHeads;

    /// <summary>Total number of weights (embedding, layers, final norm, and an untied head).</summary>
    public long ParameterCount
    {
        get
        {
            long h = HiddenSize, q = (long)NumHeads * HeadDim, kv = (long)NumKvHeads * HeadDim, i = IntermediateSize;
            long layer = (2 * h) + (2 * h * q) + (2 * h * kv) + (3 * h * i) + (AttentionBias ? q + (2 * kv) : 0) + (QkNorm ? 2L * HeadDim : 0);
            return (VocabSize * h * (TieWordEmbeddings ? 1 : 2)) + (NumLayers * layer) + h;
        }
    }

    /// <summary>Throws when the dimensions are inconsistent (e.g. heads not dividing the width).</summary>
    public void Validate()
    {
        if ((ExplicitHeadDim is null && HiddenSize % NumHeads != 0) || NumHeads % NumKvHeads != 0 || HeadDim % 2 != 0)
        {
            throw new ArgumentException(
                $"Preset '{Name}': hidden_size {HiddenSize} must split into {NumHeads} heads of even width, and {NumHeads} heads into {NumKvHeads} kv groups.");
        }

        if (Family is not ("llama" or "qwen2" or "qwen3"))
        {
            throw new ArgumentException($"Preset '{Name}': unknown family '{Family}' (expected llama, qwen2 or qwen3).");
        }
    }
}

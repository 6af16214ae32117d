using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Builds the Llama / Qwen2 decoder as a plain opset-17 ONNX graph with Hugging Face Optimum's decoder I/O:
/// <c>input_ids</c>, <c>attention_mask</c>, <c>position_ids</c>, <c>past_key_values.N.key|value</c> in;
/// <c>logits</c>, <c>present.N.key|value</c> out. One more, optional input, <c>logits_to_keep</c> (int64 scalar,
/// default 0 = every position): only the last N positions go through the final norm and the LM head, so a prefill that
/// needs the next-token logits alone passes 1 (transformers' <c>logits_to_keep</c> meaning). It is a graph input backed
/// by an initializer, so runtimes that do not know it (ONNX Runtime GenAI) see the usual Optimum inputs.
/// </summary>
internal sealed class LlamaOnnxBuilder
{
    /// <summary>The optional input choosing how many trailing positions get logits (0 = all).</summary>
    public const string LogitsToKeep = "logits_to_keep";

    private readonly LlamaWeights _weights;
    private readonly ModelPreset _p;
    private readonly ModelPrecision _precision;
    private readonly bool _fused;
    private readonly int _blockSize;
    private readonly int _accuracyLevel;
    private readonly OnnxGraph _g = new();
    private readonly Dictionary<string, (string Q, string Scale, string ZeroPoint)> _quantizedActivations = [];

    private LlamaOnnxBuilder(LlamaWeights weights, ModelPrecision precision, bool fused, int blockSize, int accuracyLevel)
    {
        if (fused && precision == ModelPrecision.Fp16)
        {
            throw new ArgumentException("fp16 models are written with the plain graph only; drop --fused or use fp32/int8/int4.", nameof(fused));
        }

        _weights = weights;
        _p = weights.Preset;
        _precision = precision;
        _fused = fused;
        _blockSize = blockSize;
        _accuracyLevel = accuracyLevel;
    }

    /// <summary>
    /// Builds the graph. <paramref name="fused"/> selects ONNX Runtime's CPU contrib operators (SimplifiedLayerNormalization,
    /// RotaryEmbedding, GroupQueryAttention, MatMulNBits for int8) instead of plain opset-17 operators. Int4 weights always use
    /// MatMulNBits (opset 17 has no 4-bit type), quantized in blocks of <paramref name="blockSize"/> along the input axis and
    /// computed at <paramref name="accuracyLevel"/>.
    /// </summary>
    public static OnnxGraph Build(LlamaWeights weights, ModelPrecision precision, bool fused = false, int blockSize = MatMulNBits.DefaultBlockSize, int accuracyLevel = MatMulNBits.DefaultAccuracyLevel) =>
        new LlamaOnnxBuilder(weights, precision, fused, blockSize, accuracyLevel).Build();

    private OnnxGraph Build()
    {
        var g = _g;
        int kv = _p.NumKvHeads, d = _p.HeadDim;
        var fp16 = _precision == ModelPrecision.Fp16;
        var io = fp16 ? OnnxDataType.Float16 : OnnxDataType.Float;
        g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "total_sequence_length");
        g.Input("position_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        for (var i = 0; i < _p.NumLayers; i++)
        {
            g.Input($"past_key_values.{i}.key", io, "batch_size", kv, "past_sequence_length", d);
            g.Input($"past_key_values.{i}.value", io, "batch_size", kv, "past_sequence_length", d);
        }

        g.Output("logits", io, "batch_size", "logits_length", _p.VocabSize);
        for (var i = 0; i < _p.NumLayers; i++)
        {
            g.Output($"present.{i}.key", io, "batch_size", kv, "total_sequence_length", d);
            g.Output($"present.{i}.value", io, "batch_size", kv, "total_sequence_length", d);
        }

        var (x, embedding, tiedHead) = Embed();
        IAttentionBuilder attention = _fused ? new FusedAttention(g, _p) : new PlainAttention(g, _p, fp16);
        string? pending = null;
        for (var layer = 0; layer < _p.NumLayers; layer++)
        {
            (x, pending) = DecoderLayer(layer, x, pending, attention);
        }

        var last = KeepLastPositions(x, pending!);
        var final = AddAndNorm(last[0], last[1], LlamaWeights.FinalNorm).Normed;
        var logits = fp16 ? "logits_fp32" : "logits";
        if (!_p.TieWordEmbeddings)
        {
            Linear(final, LlamaWeights.LmHead, _p.VocabSize, _p.HiddenSize, logits);
        }
        else if (tiedHead is not null)
        {
            // The head reads the embedding's own 4/8-bit codes: one copy of the matrix serves both.
            MatMulNBits.Apply(g, final, tiedHead, logits, _accuracyLevel);
        }
        else if (_precision is not (ModelPrecision.Fp32 or ModelPrecision.Fp16))
        {
            Linear(final, LlamaWeights.Embedding, _p.VocabSize, _p.HiddenSize, logits, "lm_head.tied");
        }
        else
        {
            // Tied head without a transposed copy: Gemm(x2d, E, transB=1), reshaped back to [batch, seq, vocab].
            var flat = g.Op("Reshape", [final, g.ConstInt64([-1, _p.HiddenSize])]);
            var logits2d = g.Op("Gemm", [flat, embedding!], null, OnnxAttribute.Int("transB", 1));
            var batchSeq = g.Op("Shape", [final], null, OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 2));
            var shape = g.Op("Concat", [batchSeq, g.ConstInt64([_p.VocabSize])], null, OnnxAttribute.Int("axis", 0));
            g.Op("Reshape", [logits2d, shape], logits);
        }

        if (fp16)
        {
            g.Op("Cast", [logits], "logits", OnnxAttribute.Int("to", (int)OnnxDataType.Float16));
        }

        return g;
    }

    /// <summary>Whether the linear layers are MatMulNBits: int4 always, int8 in the fused graph.</summary>
    private bool UsesMatMulNBits => _precision == ModelPrecision.Int4 || (_fused && _precision == ModelPrecision.Int8);

    /// <summary>Bits per quantized weight (int4 or int8 precision).</summary>
    private int QuantizedBits => _precision == ModelPrecision.Int4 ? 4 : 8;

    /// <summary>
    /// The token embeddings of <c>input_ids</c>. Where the linear layers are MatMulNBits (int4, fused int8), the table is
    /// stored block-quantized like them (as llama.cpp's GGUF stores <c>token_embd</c>) and looked up with
    /// GatherBlockQuantized: about an eighth (4 bits) or a quarter (8 bits) of the float32 table's bytes in the file and in
    /// memory. A tied head then multiplies by those same codes (<c>TiedHead</c>); otherwise the float32 table is returned
    /// for the head (<c>Table</c>).
    /// </summary>
    private (string X, string? Table, QuantizedMatrix? TiedHead) Embed()
    {
        if (!UsesMatMulNBits)
        {
            var table = FloatWeight(LlamaWeights.Embedding, [_p.VocabSize, _p.HiddenSize], () => _weights.Get(LlamaWeights.Embedding));
            return (_g.Op("Gather", [table, "input_ids"], null, OnnxAttribute.Int("axis", 0)), table, null);
        }

        var codes = MatMulNBits.Weights(_g, LlamaWeights.Embedding, () => _weights.Get(LlamaWeights.Embedding), _p.VocabSize, _p.HiddenSize,
            QuantizedBits, _blockSize, rowGather: true);
        return (MatMulNBits.GatherRows(_g, codes, "input_ids"), null, _p.TieWordEmbeddings ? codes : null);
    }

    /// <summary>
    /// One decoder layer. Its residual stream comes in as <paramref name="x"/> plus <paramref name="pending"/> (the
    /// previous layer's MLP output, not yet added; null for the first layer) and leaves the same way: the sum is formed
    /// by the norm that reads it (<see cref="AddAndNorm"/>).
    /// </summary>
    private (string X, string Pending) DecoderLayer(int layer, string x, string? pending, IAttentionBuilder attention)
    {
        var g = _g;
        int h = _p.HiddenSize, heads = _p.NumHeads, kvHeads = _p.NumKvHeads, d = _p.HeadDim;
        string W(string suffix) => LlamaWeights.Layer(layer, suffix);

        (var normed, x) = AddAndNorm(x, pending, W("input_layernorm.weight"));
        string merged;
        if (_fused)
        {
            // One MatMul for q, k and v (one activation quantization, one kernel call), GroupQueryAttention reads them packed.
            var qkv = PackedLinear(normed, W("self_attn.qkv_proj"), h,
                (W("self_attn.q_proj.weight"), heads * d, W("self_attn.q_proj.bias")),
                (W("self_attn.k_proj.weight"), kvHeads * d, W("self_attn.k_proj.bias")),
                (W("self_attn.v_proj.weight"), kvHeads * d, W("self_attn.v_proj.bias")));
            var fused = (FusedAttention)attention;
            if (!_p.QkNorm)
            {
                merged = fused.ApplyPacked(layer, qkv);
            }
            else
            {
                var parts = g.OpMulti("Split", [qkv, g.ConstInt64([heads * d, kvHeads * d, kvHeads * d])], ["", "", ""], "", OnnxAttribute.Int("axis", -1));
                merged = fused.Apply(layer, HeadNorm(parts[0], heads, W("self_attn.q_norm.weight")), HeadNorm(parts[1], kvHeads, W("self_attn.k_norm.weight")), parts[2]);
            }
        }
        else
        {
            var q = Linear(normed, W("self_attn.q_proj.weight"), heads * d, h, bias: W("self_attn.q_proj.bias"));
            var k = Linear(normed, W("self_attn.k_proj.weight"), kvHeads * d, h, bias: W("self_attn.k_proj.bias"));
            var v = Linear(normed, W("self_attn.v_proj.weight"), kvHeads * d, h, bias: W("self_attn.v_proj.bias"));
            if (_p.QkNorm)
            {
                // Qwen3: RMSNorm over each head's width (weights [head_dim]) on queries and keys, before the rotary embedding.
                q = HeadNorm(q, heads, W("self_attn.q_norm.weight"));
                k = HeadNorm(k, kvHeads, W("self_attn.k_norm.weight"));
            }

            merged = attention.Apply(layer, q, k, v);
        }

        (var normed2, x) = AddAndNorm(x, Linear(merged, W("self_attn.o_proj.weight"), h, heads * d), W("post_attention_layernorm.weight"));
        string gate, up;
        if (_fused)
        {
            var gateUp = PackedLinear(normed2, W("mlp.gate_up_proj"), h,
                (W("mlp.gate_proj.weight"), _p.IntermediateSize, null), (W("mlp.up_proj.weight"), _p.IntermediateSize, null));
            var halves = g.OpMulti("Split", [gateUp, g.ConstInt64([_p.IntermediateSize, _p.IntermediateSize])], ["", ""], "", OnnxAttribute.Int("axis", -1));
            (gate, up) = (halves[0], halves[1]);
        }
        else
        {
            gate = Linear(normed2, W("mlp.gate_proj.weight"), _p.IntermediateSize, h);
            up = Linear(normed2, W("mlp.up_proj.weight"), _p.IntermediateSize, h);
        }

        var act = g.Op("Mul", [g.Op("Mul", [gate, g.Op("Sigmoid", [gate])]), up]);
        return (x, Linear(act, W("mlp.down_proj.weight"), h, _p.IntermediateSize));
    }

    /// <summary>
    /// The residual sum <paramref name="x"/> + <paramref name="addend"/> (just <paramref name="x"/> without one) and its
    /// RMSNorm. The fused graph forms both in one SkipSimplifiedLayerNormalization (ONNX Runtime's CPU kernel, the
    /// operator its model builder exports): one node and one pass over the hidden state instead of an Add and a norm.
    /// </summary>
    private (string Normed, string Sum) AddAndNorm(string x, string? addend, string weightName)
    {
        if (addend is null)
        {
            return (RmsNorm(x, weightName), x);
        }

        if (!_fused)
        {
            var sum = _g.Op("Add", [x, addend]);
            return (RmsNorm(sum, weightName), sum);
        }

        var weight = NormWeight(weightName, _p.HiddenSize);
        var outputs = _g.OpMulti("SkipSimplifiedLayerNormalization", [addend, x, weight], ["", null, null, ""], "com.microsoft", OnnxAttribute.Float("epsilon", _p.RmsNormEps));
        return (outputs[0], outputs[3]);
    }

    /// <summary>
    /// One MatMul (fp32 or MatMulNBits) for several Hugging Face [out, in] weights of the same input, their outputs
    /// side by side along the last axis in the order given (biases concatenated the same way where the preset has them).
    /// </summary>
    private string PackedLinear(string x, string name, int inDim, params (string Weight, int Out, string? Bias)[] parts)
    {
        var outDim = parts.Sum(p => p.Out);
        float[] Concat(Func<(string Weight, int Out, string? Bias), string> pick) =>
            [.. parts.SelectMany(p => _weights.Get(pick(p)))];

        string y;
        if (_precision == ModelPrecision.Fp32)
        {
            var w = _g.Initializer(name + ".weight", OnnxDataType.Float, [inDim, outDim], () => WeightMath.Bytes(WeightMath.Transpose(Concat(p => p.Weight), outDim, inDim)));
            y = _g.Op("MatMul", [x, w]);
        }
        else
        {
            y = MatMulNBits.Add(_g, x, name + ".weight", () => Concat(p => p.Weight), outDim, inDim, QuantizedBits, null, _blockSize, _accuracyLevel);
        }

        if (_p.AttentionBias && parts.All(p => p.Bias is not null))
        {
            var b = _g.Initializer(name + ".bias", OnnxDataType.Float, [outDim], () => WeightMath.Bytes(Concat(p => p.Bias!)));
            y = _g.Op("Add", [y, b]);
        }

        return y;
    }

    /// <summary>
    /// [batch, seq, hidden] → [batch, min(keep, seq), hidden]: the last <c>logits_to_keep</c> positions, all of them for
    /// 0 (Slice from −keep to the end; −0 is the start).
    /// </summary>
    private string[] KeepLastPositions(params string[] hidden)
    {
        var g = _g;
        g.InputWithDefault(LogitsToKeep, OnnxDataType.Int64, [], BitConverter.GetBytes(0L));
        var start = g.Op("Neg", [g.Op("Reshape", [LogitsToKeep, g.ConstInt64([1])])]);
        var end = g.ConstInt64([long.MaxValue]);
        var axis = g.ConstInt64([1]);
        return [.. hidden.Select(h => g.Op("Slice", [h, start, end, axis]))];
    }

    /// <summary>[batch, seq, heads·d] → RMSNorm over each head's d values → [batch, seq, heads·d].</summary>
    private string HeadNorm(string x, int heads, string weightName)
    {
        var perHead = _g.Op("Reshape", [x, _g.ConstInt64([0, 0, heads, _p.HeadDim])]);
        return _g.Op("Reshape", [RmsNorm(perHead, weightName, _p.HeadDim), _g.ConstInt64([0, 0, heads * _p.HeadDim])]);
    }

    private string RmsNorm(string x, string weightName, int? width = null)
    {
        var g = _g;
        var weight = NormWeight(weightName, width ?? _p.HiddenSize);
        if (_fused)
        {
            // Registered by ONNX Runtime in the default domain (opset 1 of its own schema).
            return g.Op("SimplifiedLayerNormalization", [x, weight], null,
                OnnxAttribute.Int("axis", -1), OnnxAttribute.Float("epsilon", _p.RmsNormEps), OnnxAttribute.Int("stash_type", 1));
        }

        // Pow → ReduceMean → Add → Sqrt → Div → Mul: the pattern ONNX Runtime's optimizer fuses into one RMSNorm kernel.
        var meanSquare = g.Op("ReduceMean", [g.Op("Pow", [x, g.ScalarFloat(2f)])], null, OnnxAttribute.Ints("axes", -1), OnnxAttribute.Int("keepdims", 1));
        var rms = g.Op("Sqrt", [g.Op("Add", [meanSquare, g.ScalarFloat(_p.RmsNormEps)])]);
        return g.Op("Mul", [g.Op("Div", [x, rms]), weight]);
    }

    private string NormWeight(string weightName, int width) =>
        _g.Initializer(weightName, OnnxDataType.Float, [width], () => WeightMath.Bytes(_weights.Get(weightName)));

    /// <summary>y = x · Wᵀ (+ b) for a Hugging Face [out, in] weight; plain int8 uses DynamicQuantizeLinear + MatMulInteger.</summary>
    private string Linear(string x, string weightName, int outDim, int inDim, string? output = null, string? onnxName = null, string? bias = null)
    {
        var g = _g;
        var name = onnxName ?? weightName;
        string y;
        if (_precision is ModelPrecision.Fp32 or ModelPrecision.Fp16)
        {
            var w = FloatWeight(name, [inDim, outDim], () => WeightMath.Transpose(_weights.Get(weightName), outDim, inDim));
            y = g.Op("MatMul", [x, w], bias is null || !_p.AttentionBias ? output : null);
        }
        else if (UsesMatMulNBits)
        {
            y = MatMulNBits.Add(g, x, name, () => _weights.Get(weightName), outDim, inDim, QuantizedBits, bias is null || !_p.AttentionBias ? output : null, _blockSize, _accuracyLevel);
        }
        else
        {
            var box = new QuantizedWeightBox(() => WeightMath.QuantizePerOutputChannel(_weights.Get(weightName), outDim, inDim));
            var w = g.Initializer(name + "_quantized", OnnxDataType.Int8, [inDim, outDim], () => box.TakeWeights());
            var scale = g.Initializer(name + "_scale", OnnxDataType.Float, [outDim], () => box.TakeScales());
            if (!_quantizedActivations.TryGetValue(x, out var qx))
            {
                var outs = g.OpMulti("DynamicQuantizeLinear", [x], ["", "", ""]);
                qx = (outs[0], outs[1], outs[2]);
                _quantizedActivations[x] = qx;
            }

            var product = g.Op("MatMulInteger", [qx.Q, w, qx.ZeroPoint]);
            var asFloat = g.Op("Cast", [product], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float));
            y = g.Op("Mul", [asFloat, g.Op("Mul", [qx.Scale, scale])], bias is null || !_p.AttentionBias ? output : null);
        }

        if (bias is not null && _p.AttentionBias)
        {
            var b = g.Initializer(bias, OnnxDataType.Float, [outDim], () => WeightMath.Bytes(_weights.Get(bias)));
            y = g.Op("Add", [y, b], output);
        }

        return y;
    }

    /// <summary>A float32 weight: stored as float32, or for fp16 stored as float16 behind a Cast (ONNX Runtime folds it).</summary>
    private string FloatWeight(string name, long[] dims, Func<float[]> values)
    {
        if (_precision != ModelPrecision.Fp16)
        {
            return _g.Initializer(name, OnnxDataType.Float, dims, () => WeightMath.Bytes(values()));
        }

        var half = _g.Initializer(name, OnnxDataType.Float16, dims, () => WeightMath.HalfBytes(values()));
        return _g.Op("Cast", [half], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float));
    }
}

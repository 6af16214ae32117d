using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Builds the Llama / Qwen2 decoder as a plain opset-17 ONNX graph with Hugging Face Optimum's decoder I/O:
/// <c>input_ids</c>, <c>attention_mask</c>, <c>position_ids</c>, <c>past_key_values.N.key|value</c> in;
/// <c>logits</c>, <c>present.N.key|value</c> out.
/// </summary>
internal sealed class LlamaOnnxBuilder
{
    private readonly LlamaWeights _weights;
    private readonly ModelPreset _p;
    private readonly bool _int8;
    private readonly bool _fused;
    private readonly OnnxGraph _g = new();
    private readonly Dictionary<string, (string Q, string Scale, string ZeroPoint)> _quantizedActivations = [];

    private LlamaOnnxBuilder(LlamaWeights weights, ModelPrecision precision, bool fused)
    {
        _weights = weights;
        _p = weights.Preset;
        _int8 = precision == ModelPrecision.Int8;
        _fused = fused;
    }

    /// <summary>
    /// Builds the graph. <paramref name="fused"/> selects ONNX Runtime's CPU contrib operators (SimplifiedLayerNormalization,
    /// RotaryEmbedding, GroupQueryAttention, MatMulNBits for int8) instead of plain opset-17 operators.
    /// </summary>
    public static OnnxGraph Build(LlamaWeights weights, ModelPrecision precision, bool fused = false) =>
        new LlamaOnnxBuilder(weights, precision, fused).Build();

    private OnnxGraph Build()
    {
        var g = _g;
        int kv = _p.NumKvHeads, d = _p.HeadDim;
        g.Input("input_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        g.Input("attention_mask", OnnxDataType.Int64, "batch_size", "total_sequence_length");
        g.Input("position_ids", OnnxDataType.Int64, "batch_size", "sequence_length");
        for (var i = 0; i < _p.NumLayers; i++)
        {
            g.Input($"past_key_values.{i}.key", OnnxDataType.Float, "batch_size", kv, "past_sequence_length", d);
            g.Input($"past_key_values.{i}.value", OnnxDataType.Float, "batch_size", kv, "past_sequence_length", d);
        }

        g.Output("logits", OnnxDataType.Float, "batch_size", "sequence_length", _p.VocabSize);
        for (var i = 0; i < _p.NumLayers; i++)
        {
            g.Output($"present.{i}.key", OnnxDataType.Float, "batch_size", kv, "total_sequence_length", d);
            g.Output($"present.{i}.value", OnnxDataType.Float, "batch_size", kv, "total_sequence_length", d);
        }

        var embedding = g.Initializer(LlamaWeights.Embedding, OnnxDataType.Float, [_p.VocabSize, _p.HiddenSize],
            () => WeightMath.Bytes(_weights.Get(LlamaWeights.Embedding)));
        var x = g.Op("Gather", [embedding, "input_ids"], null, OnnxAttribute.Int("axis", 0));
        if (_fused)
        {
            var fusedAttention = new FusedAttention(g, _p);
            for (var layer = 0; layer < _p.NumLayers; layer++)
            {
                x = DecoderLayer(layer, x, fusedAttention);
            }
        }
        else
        {
            var mask = BuildMask();
            var (cos, sin) = BuildRotary();
            for (var layer = 0; layer < _p.NumLayers; layer++)
            {
                x = DecoderLayer(layer, x, new PlainAttention(mask, cos, sin));
            }
        }

        var final = RmsNorm(x, LlamaWeights.FinalNorm);
        if (!_p.TieWordEmbeddings)
        {
            Linear(final, LlamaWeights.LmHead, _p.VocabSize, _p.HiddenSize, "logits");
        }
        else if (_int8)
        {
            Linear(final, LlamaWeights.Embedding, _p.VocabSize, _p.HiddenSize, "logits", "lm_head.tied");
        }
        else
        {
            // Tied head without a transposed copy: Gemm(x2d, E, transB=1), reshaped back to [batch, seq, vocab].
            var flat = g.Op("Reshape", [final, g.ConstInt64([-1, _p.HiddenSize])]);
            var logits2d = g.Op("Gemm", [flat, embedding], null, OnnxAttribute.Int("transB", 1));
            var batchSeq = g.Op("Shape", [final], null, OnnxAttribute.Int("start", 0), OnnxAttribute.Int("end", 2));
            var shape = g.Op("Concat", [batchSeq, g.ConstInt64([_p.VocabSize])], null, OnnxAttribute.Int("axis", 0));
            g.Op("Reshape", [logits2d, shape], "logits");
        }

        return g;
    }

    /// <summary>Additive mask [batch, 1, seq, total]: 0 where key j is visible to query i (j &lt;= past + i and not padding).</summary>
    private string BuildMask()
    {
        var g = _g;
        var one = g.ScalarInt64(1);
        var zero = g.ScalarInt64(0);
        var seq = g.Op("Gather", [g.Op("Shape", ["input_ids"]), one], null, OnnxAttribute.Int("axis", 0));
        var total = g.Op("Gather", [g.Op("Shape", ["attention_mask"]), one], null, OnnxAttribute.Int("axis", 0));
        var past = g.Op("Sub", [total, seq]);
        var rows = g.Op("Add", [g.Op("Range", [zero, seq, one]), past]);
        var rowsColumn = g.Op("Unsqueeze", [rows, g.ConstInt64([1])]);
        var cols = g.Op("Range", [zero, total, one]);
        var causal = g.Op("LessOrEqual", [cols, rowsColumn]);
        var padding = g.Op("Cast", ["attention_mask"], null, OnnxAttribute.Int("to", (int)OnnxDataType.Bool));
        var padding4d = g.Op("Unsqueeze", [padding, g.ConstInt64([1, 2])]);
        var allowed = g.Op("And", [causal, padding4d]);
        return g.Op("Where", [allowed, g.ScalarFloat(0f), g.ScalarFloat(float.MinValue)], "attention_bias");
    }

    /// <summary>cos/sin tables [batch, 1, seq, head_dim] from position_ids (Hugging Face rotate-half layout).</summary>
    private (string Cos, string Sin) BuildRotary()
    {
        var g = _g;
        var half = _p.HeadDim / 2;
        var invFreq = new float[half];
        for (var i = 0; i < half; i++)
        {
            invFreq[i] = 1f / MathF.Pow(_p.RopeTheta, 2f * i / _p.HeadDim);
        }

        var positions = g.Op("Cast", ["position_ids"], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float));
        var freqs = g.Op("Mul", [g.Op("Unsqueeze", [positions, g.ConstInt64([2])]), g.ConstFloat(invFreq, [half])]);
        var angles = g.Op("Concat", [freqs, freqs], null, OnnxAttribute.Int("axis", -1));
        var axis1 = g.ConstInt64([1]);
        return (g.Op("Unsqueeze", [g.Op("Cos", [angles]), axis1], "rotary_cos"),
                g.Op("Unsqueeze", [g.Op("Sin", [angles]), axis1], "rotary_sin"));
    }

    private sealed record PlainAttention(string Mask, string Cos, string Sin);

    private string DecoderLayer(int layer, string x, object attention)
    {
        var g = _g;
        int h = _p.HiddenSize, heads = _p.NumHeads, kvHeads = _p.NumKvHeads, d = _p.HeadDim;
        string W(string suffix) => LlamaWeights.Layer(layer, suffix);

        var normed = RmsNorm(x, W("input_layernorm.weight"));
        var q = Linear(normed, W("self_attn.q_proj.weight"), heads * d, h, bias: W("self_attn.q_proj.bias"));
        var k = Linear(normed, W("self_attn.k_proj.weight"), kvHeads * d, h, bias: W("self_attn.k_proj.bias"));
        var v = Linear(normed, W("self_attn.v_proj.weight"), kvHeads * d, h, bias: W("self_attn.v_proj.bias"));
        var merged = attention is FusedAttention fused
            ? fused.Apply(layer, q, k, v)
            : Attention(layer, q, k, v, (PlainAttention)attention);
        x = g.Op("Add", [x, Linear(merged, W("self_attn.o_proj.weight"), h, heads * d)]);

        var normed2 = RmsNorm(x, W("post_attention_layernorm.weight"));
        var gate = Linear(normed2, W("mlp.gate_proj.weight"), _p.IntermediateSize, h);
        var up = Linear(normed2, W("mlp.up_proj.weight"), _p.IntermediateSize, h);
        var act = g.Op("Mul", [g.Op("Mul", [gate, g.Op("Sigmoid", [gate])]), up]);
        return g.Op("Add", [x, Linear(act, W("mlp.down_proj.weight"), h, _p.IntermediateSize)]);
    }

    /// <summary>Rotary embeddings, KV-cache concatenation and masked grouped-query attention in plain operators.</summary>
    private string Attention(int layer, string q3, string k3, string v3, PlainAttention a)
    {
        var g = _g;
        int heads = _p.NumHeads, kvHeads = _p.NumKvHeads, d = _p.HeadDim;
        var q = Rotate(Heads(q3, heads), a.Cos, a.Sin);
        var k = Rotate(Heads(k3, kvHeads), a.Cos, a.Sin);
        var v = Heads(v3, kvHeads);
        var keys = g.Op("Concat", [$"past_key_values.{layer}.key", k], $"present.{layer}.key", OnnxAttribute.Int("axis", 2));
        var values = g.Op("Concat", [$"past_key_values.{layer}.value", v], $"present.{layer}.value", OnnxAttribute.Int("axis", 2));

        // Grouped-query attention without repeating K/V: fold each kv group's query heads into the sequence axis.
        var scaled = g.Op("Mul", [q, g.ScalarFloat(1f / MathF.Sqrt(d))]);
        var grouped = g.Op("Reshape", [scaled, g.ConstInt64([0, kvHeads, -1, d])]);
        var scores = g.Op("MatMul", [grouped, g.Op("Transpose", [keys], null, OnnxAttribute.Ints("perm", 0, 1, 3, 2))]);
        var perHead = g.Op("Reshape", [scores, g.ConstInt64([0, heads, -1, 0])]);
        var probs = g.Op("Softmax", [g.Op("Add", [perHead, a.Mask])], null, OnnxAttribute.Int("axis", -1));
        var probsGrouped = g.Op("Reshape", [probs, g.ConstInt64([0, kvHeads, -1, 0])]);
        var context = g.Op("Reshape", [g.Op("MatMul", [probsGrouped, values]), g.ConstInt64([0, heads, -1, d])]);
        return g.Op("Reshape", [g.Op("Transpose", [context], null, OnnxAttribute.Ints("perm", 0, 2, 1, 3)), g.ConstInt64([0, 0, heads * d])]);
    }

    /// <summary>[batch, seq, heads*d] → [batch, heads, seq, d].</summary>
    private string Heads(string x, int heads) =>
        _g.Op("Transpose", [_g.Op("Reshape", [x, _g.ConstInt64([0, 0, heads, _p.HeadDim])])], null, OnnxAttribute.Ints("perm", 0, 2, 1, 3));

    /// <summary>x * cos + rotate_half(x) * sin, with rotate_half(x) = concat(-x2, x1).</summary>
    private string Rotate(string x, string cos, string sin)
    {
        var g = _g;
        var half = _p.HeadDim / 2;
        var parts = g.OpMulti("Split", [x, g.ConstInt64([half, half])], ["", ""], "", OnnxAttribute.Int("axis", -1));
        var rotated = g.Op("Concat", [g.Op("Neg", [parts[1]]), parts[0]], null, OnnxAttribute.Int("axis", -1));
        return g.Op("Add", [g.Op("Mul", [x, cos]), g.Op("Mul", [rotated, sin])]);
    }

    private string RmsNorm(string x, string weightName)
    {
        var g = _g;
        var weight = g.Initializer(weightName, OnnxDataType.Float, [_p.HiddenSize], () => WeightMath.Bytes(_weights.Get(weightName)));
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

    /// <summary>y = x · Wᵀ (+ b) for a Hugging Face [out, in] weight; int8 uses DynamicQuantizeLinear + MatMulInteger.</summary>
    private string Linear(string x, string weightName, int outDim, int inDim, string? output = null, string? onnxName = null, string? bias = null)
    {
        var g = _g;
        var name = onnxName ?? weightName;
        string y;
        if (!_int8)
        {
            var w = g.Initializer(name, OnnxDataType.Float, [inDim, outDim],
                () => WeightMath.Bytes(WeightMath.Transpose(_weights.Get(weightName), outDim, inDim)));
            y = g.Op("MatMul", [x, w], bias is null || !_p.AttentionBias ? output : null);
        }
        else if (_fused)
        {
            y = FusedAttention.MatMulNBits(g, x, name, () => _weights.Get(weightName), outDim, inDim, bias is null || !_p.AttentionBias ? output : null);
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
}

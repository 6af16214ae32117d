namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Attention in plain opset-17 operators: rotate-half rotary embeddings from position_ids, KV-cache concatenation, an
/// additive causal + padding mask over past and current tokens (left padding works), and grouped-query attention that
/// folds each kv group's query heads into the sequence axis instead of repeating K/V.
/// </summary>
internal sealed class PlainAttention : IAttentionBuilder
{
    private readonly OnnxGraph _g;
    private readonly ModelPreset _p;
    private readonly string _mask;
    private readonly string _cos;
    private readonly string _sin;
    private readonly bool _fp16Cache;

    /// <summary>Creates the shared mask and rotary tables; <paramref name="fp16Cache"/> makes past/present float16.</summary>
    public PlainAttention(OnnxGraph g, ModelPreset p, bool fp16Cache)
    {
        _g = g;
        _p = p;
        _fp16Cache = fp16Cache;
        _mask = BuildMask();
        (_cos, _sin) = BuildRotary();
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

    /// <summary>Rotary embeddings, KV-cache concatenation and masked grouped-query attention in plain operators.</summary>
    public string Apply(int layer, string q3, string k3, string v3)
    {
        var g = _g;
        int heads = _p.NumHeads, kvHeads = _p.NumKvHeads, d = _p.HeadDim;
        var q = Rotate(Heads(q3, heads), _cos, _sin);
        var k = Rotate(Heads(k3, kvHeads), _cos, _sin);
        var v = Heads(v3, kvHeads);
        var keys = Cache($"past_key_values.{layer}.key", k, $"present.{layer}.key");
        var values = Cache($"past_key_values.{layer}.value", v, $"present.{layer}.value");

        // Grouped-query attention without repeating K/V: fold each kv group's query heads into the sequence axis.
        var scaled = g.Op("Mul", [q, g.ScalarFloat(1f / MathF.Sqrt(d))]);
        var grouped = g.Op("Reshape", [scaled, g.ConstInt64([0, kvHeads, -1, d])]);
        var scores = g.Op("MatMul", [grouped, g.Op("Transpose", [keys], null, OnnxAttribute.Ints("perm", 0, 1, 3, 2))]);
        var perHead = g.Op("Reshape", [scores, g.ConstInt64([0, heads, -1, 0])]);
        var probs = g.Op("Softmax", [g.Op("Add", [perHead, _mask])], null, OnnxAttribute.Int("axis", -1));
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

    /// <summary>present = concat(past, new) along the sequence axis; with a float16 cache, cast at both ends.</summary>
    private string Cache(string past, string current, string present)
    {
        var g = _g;
        if (!_fp16Cache)
        {
            return g.Op("Concat", [past, current], present, OnnxAttribute.Int("axis", 2));
        }

        var pastFloat = g.Op("Cast", [past], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float));
        var currentHalf = g.Op("Cast", [current], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float16));
        var currentRounded = g.Op("Cast", [currentHalf], null, OnnxAttribute.Int("to", (int)OnnxDataType.Float));
        g.Op("Concat", [past, currentHalf], present, OnnxAttribute.Int("axis", 2));

        // Attend over the same float16-rounded keys/values a later step will read back from the cache.
        return g.Op("Concat", [pastFloat, currentRounded], null, OnnxAttribute.Int("axis", 2));
    }
}

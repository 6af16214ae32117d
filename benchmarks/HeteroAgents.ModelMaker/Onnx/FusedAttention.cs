using HeteroAgents.ModelMaker.Weights;

namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// The fused graph's attention from ONNX Runtime's com.microsoft CPU operators: GroupQueryAttention (causal, KV cache in
/// BNSH, lengths from attention_mask, rotary embedding inside from its cos/sin caches, q/k/v separate or packed in one
/// tensor). GroupQueryAttention treats padding as right padding and derives positions from the row lengths, so batches
/// for the fused graph must not be left-padded; position_ids stays a graph input for callers but is not read.
/// </summary>
internal sealed class FusedAttention : IAttentionBuilder
{
    private const string Microsoft = "com.microsoft";
    private readonly OnnxGraph _g;
    private readonly ModelPreset _p;
    private readonly string _cos;
    private readonly string _sin;
    private readonly string _seqLensK;
    private readonly string _totalLength;

    public FusedAttention(OnnxGraph g, ModelPreset p)
    {
        _g = g;
        _p = p;
        var half = p.HeadDim / 2;
        var positions = p.MaxPositionEmbeddings;
        var cos = new float[positions * half];
        var sin = new float[positions * half];
        for (var i = 0; i < half; i++)
        {
            var invFreq = 1f / MathF.Pow(p.RopeTheta, 2f * i / p.HeadDim);
            for (var pos = 0; pos < positions; pos++)
            {
                var angle = pos * invFreq;
                cos[(pos * half) + i] = MathF.Cos(angle);
                sin[(pos * half) + i] = MathF.Sin(angle);
            }
        }

        _cos = g.Initializer("rotary_cos_cache", OnnxDataType.Float, [positions, half], () => WeightMath.Bytes(cos));
        _sin = g.Initializer("rotary_sin_cache", OnnxDataType.Float, [positions, half], () => WeightMath.Bytes(sin));
        var lengths = g.Op("ReduceSum", ["attention_mask", g.ConstInt64([1])], null, OnnxAttribute.Int("keepdims", 0));
        _seqLensK = g.Op("Cast", [g.Op("Sub", [lengths, g.ScalarInt64(1)])], "seqlens_k", OnnxAttribute.Int("to", (int)OnnxDataType.Int32));
        var total = g.Op("Gather", [g.Op("Shape", ["attention_mask"]), g.ScalarInt64(1)], null, OnnxAttribute.Int("axis", 0));
        _totalLength = g.Op("Cast", [total], "total_sequence_length", OnnxAttribute.Int("to", (int)OnnxDataType.Int32));
    }

    /// <summary>Attention for one layer from the [batch, seq, heads*d] projections; returns [batch, seq, heads*d].</summary>
    public string Apply(int layer, string q, string k, string v) => GroupQueryAttention(layer, q, k, v);

    /// <summary>
    /// Attention for one layer from the packed projection [batch, seq, (heads + 2·kv_heads)·d] (q, k, v one after the
    /// other, as one MatMul writes them); returns [batch, seq, heads*d].
    /// </summary>
    public string ApplyPacked(int layer, string qkv) => GroupQueryAttention(layer, qkv, string.Empty, string.Empty);

    /// <summary>
    /// GroupQueryAttention with the rotary embedding inside (<c>do_rotary</c>: positions from seqlens_k, i.e. each row's
    /// tokens start at position 0, which right padding guarantees) and the cos/sin tables as its caches.
    /// </summary>
    private string GroupQueryAttention(int layer, string q, string k, string v)
    {
        var outputs = _g.OpMulti("GroupQueryAttention",
            [q, k, v, $"past_key_values.{layer}.key", $"past_key_values.{layer}.value", _seqLensK, _totalLength, _cos, _sin],
            ["", $"present.{layer}.key", $"present.{layer}.value"], Microsoft,
            OnnxAttribute.Int("num_heads", _p.NumHeads), OnnxAttribute.Int("kv_num_heads", _p.NumKvHeads),
            OnnxAttribute.Float("scale", 1f / MathF.Sqrt(_p.HeadDim)), OnnxAttribute.Int("do_rotary", 1),
            OnnxAttribute.Int("rotary_interleaved", 0), OnnxAttribute.Int("local_window_size", -1));
        return outputs[0];
    }
}

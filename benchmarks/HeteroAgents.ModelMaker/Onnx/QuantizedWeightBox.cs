namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Holds one quantized weight between writing its int8 tensor and its scales, so the float weight is
/// generated and quantized once and released as soon as all <paramref name="parts"/> are written (the codes and the
/// scales, or the scales twice more when they are written in two shapes).
/// </summary>
internal sealed class QuantizedWeightBox(Func<(sbyte[] Weights, float[] Scales)> quantize, int parts = 2)
{
    private (sbyte[] Weights, float[] Scales)? _value;
    private int _taken;

    public byte[] TakeWeights()
    {
        var weights = Take().Weights;
        var bytes = new byte[weights.Length];
        Buffer.BlockCopy(weights, 0, bytes, 0, weights.Length);
        return bytes;
    }

    public byte[] TakeScales() => Weights.WeightMath.Bytes(Take().Scales);

    private (sbyte[] Weights, float[] Scales) Take()
    {
        _value ??= quantize();
        var value = _value.Value;
        if (++_taken >= parts)
        {
            _value = null;
            _taken = 0;
        }

        return value;
    }
}

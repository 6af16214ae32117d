namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Linear layers as com.microsoft MatMulNBits (ONNX Runtime CPU): weights in blocks of 32 along K with one fp32 scale
/// per block, symmetric around the implicit zero point (128 for 8 bits, 8 for 4 bits), accuracy_level 4 (int8 compute).
/// </summary>
internal static class MatMulNBits
{
    private const string Microsoft = "com.microsoft";
    private const int Block = 32;

    /// <summary>Adds y = x · Wᵀ for a Hugging Face [n, k] weight and returns y's name.</summary>
    public static string Add(OnnxGraph g, string x, string name, Func<float[]> weight, int n, int k, int bits, string? output)
    {
        if (k % Block != 0)
        {
            throw new InvalidOperationException($"MatMulNBits needs K ({k}) to be a multiple of {Block} for '{name}'.");
        }

        var blocks = k / Block;
        var blobSize = Block * bits / 8;
        var box = new QuantizedWeightBox(() => Quantize(weight(), n * blocks, bits));
        var packed = g.Initializer($"{name}_Q{bits}", OnnxDataType.UInt8, [n, blocks, blobSize], () => box.TakeWeights());
        var scales = g.Initializer($"{name}_scales", OnnxDataType.Float, [n * blocks], () => box.TakeScales());
        return g.OpMulti("MatMulNBits", [x, packed, scales], [output ?? ""], Microsoft,
            OnnxAttribute.Int("K", k), OnnxAttribute.Int("N", n), OnnxAttribute.Int("bits", bits),
            OnnxAttribute.Int("block_size", Block), OnnxAttribute.Int("accuracy_level", 4))[0];
    }

    /// <summary>Quantizes consecutive blocks of 32 values; returns the packed unsigned codes (as sbyte bits) and scales.</summary>
    internal static (sbyte[] Codes, float[] Scales) Quantize(float[] w, int blockCount, int bits)
    {
        var levels = bits == 8 ? 127f : 7f;
        var zeroPoint = 1 << (bits - 1);
        var codes = new sbyte[w.Length * bits / 8];
        var scales = new float[blockCount];
        for (var b = 0; b < blockCount; b++)
        {
            var values = w.AsSpan(b * Block, Block);
            var max = 0f;
            foreach (var value in values)
            {
                max = MathF.Max(max, MathF.Abs(value));
            }

            var scale = max > 0 ? max / levels : 1f;
            scales[b] = scale;
            for (var j = 0; j < Block; j++)
            {
                var q = (int)Math.Clamp(MathF.Round(values[j] / scale, MidpointRounding.ToEven), -levels - (bits == 4 ? 1 : 0), levels) + zeroPoint;
                if (bits == 8)
                {
                    codes[(b * Block) + j] = unchecked((sbyte)(byte)q);
                }
                else
                {
                    // Two 4-bit codes per byte, the first value in the low nibble.
                    var at = ((b * Block) + j) / 2;
                    codes[at] = unchecked((sbyte)(byte)((byte)codes[at] | (q << (4 * (j % 2)))));
                }
            }
        }

        return (codes, scales);
    }
}

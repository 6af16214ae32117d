namespace HeteroAgents.ModelMaker.Onnx;

/// <summary>
/// Linear layers as com.microsoft MatMulNBits (ONNX Runtime CPU): weights in blocks along K (32 by default, as
/// llama.cpp's Q4_0/Q8_0; 64 gives the same bits per weight as those with fp32 scales) with one fp32 scale per block,
/// symmetric around the implicit zero point (128 for 8 bits, 8 for 4 bits), accuracy_level 4 (int8 compute) unless told otherwise.
/// </summary>
internal static class MatMulNBits
{
    /// <summary>The block size llama.cpp's Q4_0 and Q8_0 use, and the default here.</summary>
    public const int DefaultBlockSize = 32;

    /// <summary>int8 compute (ONNX Runtime's fastest CPU kernel for one row, i.e. decode).</summary>
    public const int DefaultAccuracyLevel = 4;

    private const string Microsoft = "com.microsoft";

    /// <summary>Adds y = x · Wᵀ for a Hugging Face [n, k] weight and returns y's name.</summary>
    public static string Add(OnnxGraph g, string x, string name, Func<float[]> weight, int n, int k, int bits, string? output, int block, int accuracyLevel = DefaultAccuracyLevel)
    {
        if (k % block != 0)
        {
            throw new InvalidOperationException($"MatMulNBits needs K ({k}) to be a multiple of the block size {block} for '{name}'.");
        }

        var blocks = k / block;
        var blobSize = block * bits / 8;
        var box = new QuantizedWeightBox(() => Quantize(weight(), n * blocks, bits, block));
        var packed = g.Initializer($"{name}_Q{bits}", OnnxDataType.UInt8, [n, blocks, blobSize], () => box.TakeWeights());
        var scales = g.Initializer($"{name}_scales", OnnxDataType.Float, [n * blocks], () => box.TakeScales());
        return g.OpMulti("MatMulNBits", [x, packed, scales], [output ?? ""], Microsoft,
            OnnxAttribute.Int("K", k), OnnxAttribute.Int("N", n), OnnxAttribute.Int("bits", bits),
            OnnxAttribute.Int("block_size", block), OnnxAttribute.Int("accuracy_level", accuracyLevel))[0];
    }

    /// <summary>Quantizes consecutive blocks of <paramref name="block"/> values; returns the packed unsigned codes (as sbyte bits) and scales.</summary>
    internal static (sbyte[] Codes, float[] Scales) Quantize(float[] w, int blockCount, int bits, int block)
    {
        var levels = bits == 8 ? 127f : 7f;
        var zeroPoint = 1 << (bits - 1);
        var codes = new sbyte[w.Length * bits / 8];
        var scales = new float[blockCount];
        for (var b = 0; b < blockCount; b++)
        {
            var values = w.AsSpan(b * block, block);
            var max = 0f;
            foreach (var value in values)
            {
                max = MathF.Max(max, MathF.Abs(value));
            }

            var scale = max > 0 ? max / levels : 1f;
            scales[b] = scale;
            for (var j = 0; j < block; j++)
            {
                var q = (int)Math.Clamp(MathF.Round(values[j] / scale, MidpointRounding.ToEven), -levels - (bits == 4 ? 1 : 0), levels) + zeroPoint;
                if (bits == 8)
                {
                    codes[(b * block) + j] = unchecked((sbyte)(byte)q);
                }
                else
                {
                    // Two 4-bit codes per byte, the first value in the low nibble.
                    var at = ((b * block) + j) / 2;
                    codes[at] = unchecked((sbyte)(byte)((byte)codes[at] | (q << (4 * (j % 2)))));
                }
            }
        }

        return (codes, scales);
    }
}

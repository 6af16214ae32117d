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
    public static string Add(OnnxGraph g, string x, string name, Func<float[]> weight, int n, int k, int bits, string? output, int block, int accuracyLevel = DefaultAccuracyLevel) =>
        Apply(g, x, Weights(g, name, weight, n, k, bits, block), output, accuracyLevel);

    /// <summary>
    /// Writes a Hugging Face [n, k] weight as MatMulNBits initializers: the codes as [n, k / block, block · bits / 8] bytes
    /// and one scale per block. <paramref name="rowGather"/> also writes the scales as [n, k / block, 1], the shape
    /// <see cref="GatherRows"/> reads them in, so one copy of the codes serves both a product and a row lookup.
    /// </summary>
    public static QuantizedMatrix Weights(OnnxGraph g, string name, Func<float[]> weight, int n, int k, int bits, int block, bool rowGather = false)
    {
        if (k % block != 0)
        {
            throw new InvalidOperationException($"MatMulNBits needs K ({k}) to be a multiple of the block size {block} for '{name}'.");
        }

        var blocks = k / block;
        var blobSize = block * bits / 8;
        var box = new QuantizedWeightBox(() => Quantize(weight(), n * blocks, bits, block), rowGather ? 3 : 2);
        var packed = g.Initializer($"{name}_Q{bits}", OnnxDataType.UInt8, [n, blocks, blobSize], () => box.TakeWeights());
        var scales = g.Initializer($"{name}_scales", OnnxDataType.Float, [n * blocks], () => box.TakeScales());
        var rowScales = rowGather ? g.Initializer($"{name}_row_scales", OnnxDataType.Float, [n, blocks, 1], () => box.TakeScales()) : null;
        return new QuantizedMatrix(packed, scales, rowScales, n, k, bits, block);
    }

    /// <summary>Adds y = x · Wᵀ over weights written by <see cref="Weights"/> and returns y's name.</summary>
    public static string Apply(OnnxGraph g, string x, QuantizedMatrix w, string? output, int accuracyLevel = DefaultAccuracyLevel) =>
        g.OpMulti("MatMulNBits", [x, w.Packed, w.Scales], [output ?? ""], Microsoft,
            OnnxAttribute.Int("K", w.K), OnnxAttribute.Int("N", w.N), OnnxAttribute.Int("bits", w.Bits),
            OnnxAttribute.Int("block_size", w.Block), OnnxAttribute.Int("accuracy_level", accuracyLevel))[0];

    /// <summary>
    /// Rows <paramref name="indices"/> of the matrix, dequantized: [.., k] floats (com.microsoft GatherBlockQuantized over
    /// the same codes, with the implicit zero point MatMulNBits uses). For an embedding table stored 4 or 8 bits wide.
    /// </summary>
    public static string GatherRows(OnnxGraph g, QuantizedMatrix w, string indices)
    {
        var rowScales = w.RowScales ?? throw new InvalidOperationException($"'{w.Packed}' was written without row scales; pass rowGather: true to Weights.");
        var blocksOfRows = g.OpMulti("GatherBlockQuantized", [w.Packed, indices, rowScales], [""], Microsoft,
            OnnxAttribute.Int("gather_axis", 0), OnnxAttribute.Int("quantize_axis", 2),
            OnnxAttribute.Int("block_size", w.Block), OnnxAttribute.Int("bits", w.Bits))[0];

        // [.., k / block, block] → [.., k]
        return g.Op("Reshape", [blocksOfRows, g.ConstInt64([0, 0, w.K])]);
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

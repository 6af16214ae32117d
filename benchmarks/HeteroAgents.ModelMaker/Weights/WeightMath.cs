using System.Runtime.InteropServices;

namespace HeteroAgents.ModelMaker.Weights;

/// <summary>Layout conversions and quantization of generated weights.</summary>
internal static class WeightMath
{
    /// <summary>Transposes a row-major <c>[rows, cols]</c> matrix to <c>[cols, rows]</c>.</summary>
    public static float[] Transpose(float[] m, int rows, int cols)
    {
        var t = new float[m.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < cols; c++)
            {
                t[(c * rows) + r] = m[(r * cols) + c];
            }
        }

        return t;
    }

    public static byte[] Bytes(float[] values) => MemoryMarshal.AsBytes(values.AsSpan()).ToArray();

    /// <summary>IEEE half-precision bytes (round to nearest even) of the values.</summary>
    public static byte[] HalfBytes(float[] values)
    {
        var halves = new Half[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            halves[i] = (Half)values[i];
        }

        return MemoryMarshal.AsBytes(halves.AsSpan()).ToArray();
    }

    /// <summary>
    /// Symmetric per-output-channel int8 quantization of a Hugging Face <c>[out, in]</c> weight, returned in ONNX
    /// MatMul layout <c>[in, out]</c> with one scale per output channel.
    /// </summary>
    public static (sbyte[] Weights, float[] Scales) QuantizePerOutputChannel(float[] w, int outDim, int inDim)
    {
        var q = new sbyte[w.Length];
        var scales = new float[outDim];
        for (var o = 0; o < outDim; o++)
        {
            var row = w.AsSpan(o * inDim, inDim);
            var max = 0f;
            foreach (var v in row)
            {
                max = MathF.Max(max, MathF.Abs(v));
            }

            var scale = max > 0 ? max / 127f : 1f;
            scales[o] = scale;
            for (var i = 0; i < inDim; i++)
            {
                q[(i * outDim) + o] = (sbyte)Math.Clamp(MathF.Round(row[i] / scale, MidpointRounding.ToEven), -127, 127);
            }
        }

        return (q, scales);
    }
}

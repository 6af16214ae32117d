namespace HeteroAgents.ModelMaker.Gguf;

/// <summary>ggml block quantization (reference algorithms of ggml-quants.c).</summary>
internal static class GgmlQuant
{
    /// <summary>Q8_0: blocks of 32 values as an fp16 scale d = max|x|/127 followed by 32 int8 round(x/d).</summary>
    public static byte[] QuantizeQ8_0(float[] x)
    {
        if (x.Length % 32 != 0)
        {
            throw new ArgumentException($"Q8_0 needs a multiple of 32 values, got {x.Length}.", nameof(x));
        }

        var blocks = x.Length / 32;
        var output = new byte[blocks * 34];
        for (var b = 0; b < blocks; b++)
        {
            var block = x.AsSpan(b * 32, 32);
            var amax = 0f;
            foreach (var v in block)
            {
                amax = MathF.Max(amax, MathF.Abs(v));
            }

            var d = amax / 127f;
            var id = d != 0 ? 1f / d : 0f;
            BitConverter.TryWriteBytes(output.AsSpan(b * 34, 2), (Half)d);
            for (var j = 0; j < 32; j++)
            {
                output[(b * 34) + 2 + j] = (byte)(sbyte)MathF.Round(block[j] * id, MidpointRounding.AwayFromZero);
            }
        }

        return output;
    }

    /// <summary>
    /// Q4_0: blocks of 32 values as an fp16 scale d = m/-8 (m = the value of largest magnitude) followed by 16 bytes;
    /// byte j holds code(x[j]) in its low nibble and code(x[j+16]) in its high nibble, code = min(15, (int)(x/d + 8.5)).
    /// </summary>
    public static byte[] QuantizeQ4_0(float[] x)
    {
        if (x.Length % 32 != 0)
        {
            throw new ArgumentException($"Q4_0 needs a multiple of 32 values, got {x.Length}.", nameof(x));
        }

        var blocks = x.Length / 32;
        var output = new byte[blocks * 18];
        for (var b = 0; b < blocks; b++)
        {
            var block = x.AsSpan(b * 32, 32);
            float amax = 0f, max = 0f;
            foreach (var v in block)
            {
                if (MathF.Abs(v) > amax)
                {
                    amax = MathF.Abs(v);
                    max = v;
                }
            }

            var d = max / -8f;
            var id = d != 0 ? 1f / d : 0f;
            BitConverter.TryWriteBytes(output.AsSpan(b * 18, 2), (Half)d);
            for (var j = 0; j < 16; j++)
            {
                var low = Math.Min(15, (int)((block[j] * id) + 8.5f));
                var high = Math.Min(15, (int)((block[j + 16] * id) + 8.5f));
                output[(b * 18) + 2 + j] = (byte)(low | (high << 4));
            }
        }

        return output;
    }
}

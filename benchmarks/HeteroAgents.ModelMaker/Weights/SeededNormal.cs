namespace HeteroAgents.ModelMaker.Weights;

/// <summary>
/// A deterministic normal-distribution source (xoshiro256** + Box-Muller), seeded from the model seed and a
/// tensor name, so every tensor can be regenerated independently and identically on any run.
/// </summary>
internal sealed class SeededNormal
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spare;
    private bool _hasSpare;

    public SeededNormal(int seed, string stream)
    {
        ulong x = 14695981039346656037UL;
        foreach (var c in stream)
        {
            x = (x ^ c) * 1099511628211UL;
        }

        x ^= (ulong)(uint)seed * 0x9E3779B97F4A7C15UL;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>Fills <paramref name="target"/> with mean + std * N(0, 1).</summary>
    public void Fill(Span<float> target, float mean, float std)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = mean + (std * (float)NextGaussian());
        }
    }

    private double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spare;
        }

        double u1 = ((NextUInt64() >> 11) + 1) * (1.0 / 9007199254740993.0);
        double u2 = (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        _spare = r * sin;
        _hasSpare = true;
        return r * cos;
    }

    private ulong NextUInt64()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

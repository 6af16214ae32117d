using System.Numerics;

namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>
/// A stored token mask: the sorted ids when few tokens are allowed (most masks at structural positions allow a
/// handful), else the bit words.
/// </summary>
internal sealed class CachedMask
{
    private readonly int[]? _ids;
    private readonly uint[]? _bits;

    private CachedMask(int[]? ids, uint[]? bits)
    {
        _ids = ids;
        _bits = bits;
    }

    /// <summary>Bytes held (for the cache's budget).</summary>
    public int Bytes => 32 + (_ids is { } ids ? ids.Length * sizeof(int) : _bits!.Length * sizeof(uint));

    /// <summary>A copy of <paramref name="mask"/> in the smaller of the two forms.</summary>
    public static CachedMask Of(ReadOnlySpan<uint> mask)
    {
        var count = 0;
        foreach (var w in mask)
        {
            count += BitOperations.PopCount(w);
        }

        if (count > mask.Length)
        {
            return new CachedMask(null, mask.ToArray());
        }

        var ids = new int[count];
        var n = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            for (var w = mask[i]; w != 0; w &= w - 1)
            {
                ids[n++] = (i << 5) | BitOperations.TrailingZeroCount(w);
            }
        }

        return new CachedMask(ids, null);
    }

    /// <summary>Adds the stored tokens to <paramref name="mask"/>.</summary>
    public void OrInto(Span<uint> mask)
    {
        if (_ids is { } ids)
        {
            foreach (var id in ids)
            {
                mask[id >> 5] |= 1u << (id & 31);
            }

            return;
        }

        var bits = _bits!;
        var n = Math.Min(mask.Length, bits.Length);
        var v = Vector<uint>.Count;
        var i = 0;
        for (; i + v <= n; i += v)
        {
            (new Vector<uint>(mask[i..]) | new Vector<uint>(bits, i)).CopyTo(mask[i..]);
        }

        for (; i < n; i++)
        {
            mask[i] |= bits[i];
        }
    }
}

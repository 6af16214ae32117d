using System.Numerics;
using System.Runtime.InteropServices;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Vectorized bitwise operations on rows of 64-bit words.</summary>
internal static class Rows
{
    public static void And(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var n = Math.Min(target.Length, other.Length);
        var i = 0;
        var v = Vector<ulong>.Count;
        var tv = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..n]);
        var ov = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..n]);
        for (var k = 0; k < tv.Length; k++)
        {
            tv[k] &= ov[k];
        }

        for (i = tv.Length * v; i < n; i++)
        {
            target[i] &= other[i];
        }
    }

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> other)
    {
        var n = Math.Min(target.Length, other.Length);
        var i = 0;
        var v = Vector<ulong>.Count;
        var tv = MemoryMarshal.Cast<ulong, Vector<ulong>>(target[..n]);
        var ov = MemoryMarshal.Cast<ulong, Vector<ulong>>(other[..n]);
        for (var k = 0; k < tv.Length; k++)
        {
            tv[k] |= ov[k];
        }

        for (i = tv.Length * v; i < n; i++)
        {
            target[i] |= other[i];
        }
    }
}

using System.Numerics;

namespace HeteroAgents.Decoding.Runtime;

/// <summary>An exact decimal number, mantissa × 10^exponent, for comparisons outside the <c>decimal</c> range.</summary>
internal readonly record struct ExactNumber(BigInteger Mantissa, int Exponent)
{
    public static ExactNumber From(decimal d)
    {
        var bits = decimal.GetBits(d);
        var scale = (bits[3] >> 16) & 0xFF;
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        return new ExactNumber(d < 0 ? -mantissa : mantissa, -scale);
    }

    public static int Compare(ExactNumber a, ExactNumber b)
    {
        if (a.Mantissa.Sign != b.Mantissa.Sign || a.Mantissa.IsZero)
        {
            return a.Mantissa.Sign.CompareTo(b.Mantissa.Sign);
        }

        var e = Math.Min(a.Exponent, b.Exponent);
        return (a.Mantissa * BigInteger.Pow(10, a.Exponent - e)).CompareTo(b.Mantissa * BigInteger.Pow(10, b.Exponent - e));
    }

    /// <summary>Whether <paramref name="value"/> divided by <paramref name="step"/> is an integer.</summary>
    public static bool IsMultiple(ExactNumber value, ExactNumber step)
    {
        if (value.Mantissa.IsZero)
        {
            return true;
        }

        var shift = value.Exponent - step.Exponent;
        return shift >= 0
            ? (value.Mantissa * BigInteger.Pow(10, shift) % step.Mantissa).IsZero
            : (value.Mantissa % (step.Mantissa * BigInteger.Pow(10, -shift))).IsZero;
    }
}

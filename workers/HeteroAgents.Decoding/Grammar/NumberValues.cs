namespace HeteroAgents.Decoding.Grammar;

/// <summary>
/// The values of a numeric enum: sorted, with each value's significant digits as prefixes (first k digits as a
/// number, k up to 18) so the lexer can refuse a digit no allowed value has at that place.
/// </summary>
internal sealed class NumberValues
{
    public NumberValues(IEnumerable<decimal> values)
    {
        Sorted = [.. values.Distinct().Order()];
        Digits = [.. Sorted.Select(v =>
        {
            var s = Math.Abs(v).ToString(System.Globalization.CultureInfo.InvariantCulture).Replace(".", "", StringComparison.Ordinal).Trim('0');
            var prefixes = new long[Math.Min(s.Length, 18) + 1];
            for (var k = 1; k < prefixes.Length; k++)
            {
                prefixes[k] = (prefixes[k - 1] * 10) + (s[k - 1] - '0');
            }

            return (v < 0, s.Length, prefixes);
        })];
    }

    public decimal[] Sorted { get; }

    /// <summary>Per value: negative, number of significant digits, and prefixes[k] = its first k significant digits.</summary>
    public (bool Negative, int Length, long[] Prefixes)[] Digits { get; }

    /// <summary>Whether some value can still be spelled after <paramref name="digits"/> significant digits forming <paramref name="mantissa"/>.</summary>
    public bool Feasible(bool negative, long mantissa, int digits)
    {
        foreach (var (neg, length, prefixes) in Digits)
        {
            if (length > 0 && neg != negative)
            {
                continue;
            }

            if (digits <= Math.Min(length, 18))
            {
                if (prefixes[digits] == mantissa)
                {
                    return true;
                }
            }
            else if (length <= 18 && digits <= 18 && prefixes[length] * Pow10(digits - length) == mantissa)
            {
                return true; // the value's digits followed by zeros
            }
            else if (length > 18 || digits > 18)
            {
                return true; // beyond what the lexer tracks: decided exactly at the end
            }
        }

        return false;
    }

    private static long Pow10(int k)
    {
        var p = 1L;
        for (var i = 0; i < k; i++)
        {
            p *= 10;
        }

        return p;
    }
}

namespace HeteroAgents.Decoding.Regex;

/// <summary>Operations on sorted sets of inclusive code point ranges.</summary>
internal static class CharRanges
{
    public const int MaxCodePoint = 0x10FFFF;

    public static readonly (int, int)[] Any = [(0, MaxCodePoint)];
    public static readonly (int, int)[] Digit = [('0', '9')];
    public static readonly (int, int)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    /// <summary>ECMAScript \s: white space and line terminators.</summary>
    public static readonly (int, int)[] Space =
        [(9, 13), (0x20, 0x20), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A), (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000), (0xFEFF, 0xFEFF)];

    /// <summary>ECMAScript '.': everything but line terminators.</summary>
    public static readonly (int, int)[] Dot = Negate([(10, 10), (13, 13), (0x2028, 0x2029)]);

    public static (int Lo, int Hi)[] Normalize(IEnumerable<(int Lo, int Hi)> ranges)
    {
        var sorted = ranges.Where(r => r.Lo <= r.Hi).OrderBy(r => r.Lo).ToList();
        var result = new List<(int, int)>();
        foreach (var (lo, hi) in sorted)
        {
            if (result.Count > 0 && lo <= result[^1].Item2 + 1)
            {
                result[^1] = (result[^1].Item1, Math.Max(result[^1].Item2, hi));
            }
            else
            {
                result.Add((lo, hi));
            }
        }

        return [.. result];
    }

    public static (int Lo, int Hi)[] Negate(IReadOnlyList<(int Lo, int Hi)> ranges)
    {
        var normalized = Normalize(ranges);
        var result = new List<(int, int)>();
        var next = 0;
        foreach (var (lo, hi) in normalized)
        {
            if (lo > next)
            {
                result.Add((next, lo - 1));
            }

            next = hi + 1;
        }

        if (next <= MaxCodePoint)
        {
            result.Add((next, MaxCodePoint));
        }

        return [.. result];
    }
}

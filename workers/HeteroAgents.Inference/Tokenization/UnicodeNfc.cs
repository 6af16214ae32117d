using System.Collections.Frozen;
using System.Text;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// Unicode Normalization Form C (canonical decomposition, canonical ordering, canonical composition), on the tables of
/// <see cref="UnicodeNfcData"/>. Needed because <c>string.Normalize</c> is a no-op under InvariantGlobalization.
/// </summary>
internal static class UnicodeNfc
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly FrozenDictionary<int, int> Classes = BuildClasses();
    private static readonly FrozenDictionary<int, (int First, int Second)> Decompositions = BuildDecompositions(out Compositions);
    private static readonly FrozenDictionary<long, int> Compositions;

    /// <summary>The NFC form of <paramref name="text"/> (the same instance when it is already NFC and below U+0300).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quick = true;
        foreach (var c in text)
        {
            if (c >= '\u0300')
            {
                quick = false;
                break;
            }
        }

        if (quick)
        {
            return text;
        }

        var points = new List<int>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            Decompose(rune.Value, points);
        }

        Reorder(points);
        Compose(points);
        var sb = new StringBuilder(text.Length);
        foreach (var cp in points)
        {
            sb.Append(char.ConvertFromUtf32(cp));
        }

        var result = sb.ToString();
        return result == text ? text : result;
    }

    private static int ClassOf(int cp) => Classes.TryGetValue(cp, out var k) ? k : 0;

    private static void Decompose(int cp, List<int> output)
    {
        if (cp is >= SBase and < SBase + SCount)
        {
            var s = cp - SBase;
            output.Add(LBase + (s / NCount));
            output.Add(VBase + (s % NCount / TCount));
            if (s % TCount != 0)
            {
                output.Add(TBase + (s % TCount));
            }

            return;
        }

        if (Decompositions.TryGetValue(cp, out var d))
        {
            Decompose(d.First, output);
            if (d.Second >= 0)
            {
                Decompose(d.Second, output);
            }

            return;
        }

        output.Add(cp);
    }

    // Canonical ordering: a stable sort of each run of non-starters by combining class.
    private static void Reorder(List<int> points)
    {
        for (var i = 1; i < points.Count; i++)
        {
            var k = ClassOf(points[i]);
            if (k == 0)
            {
                continue;
            }

            var j = i;
            var cp = points[i];
            while (j > 0 && ClassOf(points[j - 1]) > k)
            {
                points[j] = points[j - 1];
                j--;
            }

            points[j] = cp;
        }
    }

    private static void Compose(List<int> points)
    {
        if (points.Count < 2)
        {
            return;
        }

        var starter = ClassOf(points[0]) == 0 ? 0 : -1;
        var lastClass = starter == 0 ? 0 : 256;
        var write = 1;
        for (var read = 1; read < points.Count; read++)
        {
            var cp = points[read];
            var k = ClassOf(cp);
            if (starter >= 0 && (lastClass < k || (lastClass == 0 && write == starter + 1)) && TryCompose(points[starter], cp, out var composite))
            {
                points[starter] = composite;
                continue;
            }

            if (k == 0)
            {
                starter = write;
            }

            lastClass = k;
            points[write++] = cp;
        }

        points.RemoveRange(write, points.Count - write);
    }

    private static bool TryCompose(int first, int second, out int composite)
    {
        if (first is >= LBase and < LBase + LCount && second is >= VBase and < VBase + VCount)
        {
            composite = SBase + ((((first - LBase) * VCount) + (second - VBase)) * TCount);
            return true;
        }

        if (first is >= SBase and < SBase + SCount && (first - SBase) % TCount == 0 && second is > TBase and < TBase + TCount)
        {
            composite = first + (second - TBase);
            return true;
        }

        return Compositions.TryGetValue(((long)first << 21) | (uint)second, out composite);
    }

    private static FrozenDictionary<int, int> BuildClasses()
    {
        var data = UnicodeNfcData.CombiningClasses;
        var map = new Dictionary<int, int>(data.Length / 2);
        for (var i = 0; i < data.Length; i += 2)
        {
            map[data[i]] = data[i + 1];
        }

        return map.ToFrozenDictionary();
    }

    private static FrozenDictionary<int, (int, int)> BuildDecompositions(out FrozenDictionary<long, int> compositions)
    {
        var data = UnicodeNfcData.Decompositions;
        var map = new Dictionary<int, (int, int)>(data.Length / 4);
        var pairs = new Dictionary<long, int>();
        for (var i = 0; i < data.Length; i += 4)
        {
            map[data[i]] = (data[i + 1], data[i + 2]);
            if (data[i + 3] == 1)
            {
                pairs[((long)data[i + 1] << 21) | (uint)data[i + 2]] = data[i];
            }
        }

        compositions = pairs.ToFrozenDictionary();
        return map.ToFrozenDictionary();
    }
}

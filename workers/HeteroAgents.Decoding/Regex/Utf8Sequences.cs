namespace HeteroAgents.Decoding.Regex;

/// <summary>Splits a code point range into UTF-8 byte-range sequences (surrogates excluded).</summary>
internal static class Utf8Sequences
{
    public static List<(byte Lo, byte Hi)[]> Of(int lo, int hi)
    {
        var result = new List<(byte, byte)[]>();
        Split(lo, hi, result);
        return result;
    }

    private static void Split(int lo, int hi, List<(byte, byte)[]> result)
    {
        if (lo > hi)
        {
            return;
        }

        if (lo <= 0xDFFF && hi >= 0xD800)
        {
            Split(lo, 0xD7FF, result);
            Split(0xE000, hi, result);
            return;
        }

        foreach (var boundary in new[] { 0x7F, 0x7FF, 0xFFFF })
        {
            if (lo <= boundary && hi > boundary)
            {
                Split(lo, boundary, result);
                Split(boundary + 1, hi, result);
                return;
            }
        }

        if (hi <= 0x7F)
        {
            result.Add([((byte)lo, (byte)hi)]);
            return;
        }

        var n = hi <= 0x7FF ? 2 : hi <= 0xFFFF ? 3 : 4;
        for (var i = 1; i < n; i++)
        {
            var m = (1 << (6 * i)) - 1;
            if ((lo & ~m) != (hi & ~m))
            {
                if ((lo & m) != 0)
                {
                    Split(lo, lo | m, result);
                    Split((lo | m) + 1, hi, result);
                    return;
                }

                if ((hi & m) != m)
                {
                    Split(lo, (hi & ~m) - 1, result);
                    Split(hi & ~m, hi, result);
                    return;
                }
            }
        }

        var a = Encode(lo);
        var b = Encode(hi);
        var seq = new (byte, byte)[a.Length];
        for (var i = 0; i < a.Length; i++)
        {
            seq[i] = (a[i], b[i]);
        }

        result.Add(seq);
    }

    public static byte[] Encode(int cp) => cp switch
    {
        < 0x80 => [(byte)cp],
        < 0x800 => [(byte)(0xC0 | (cp >> 6)), (byte)(0x80 | (cp & 0x3F))],
        < 0x10000 => [(byte)(0xE0 | (cp >> 12)), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))],
        _ => [(byte)(0xF0 | (cp >> 18)), (byte)(0x80 | ((cp >> 12) & 0x3F)), (byte)(0x80 | ((cp >> 6) & 0x3F)), (byte)(0x80 | (cp & 0x3F))],
    };
}

namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>The GPT-2 byte-to-unicode table used by byte-level BPE vocabularies, inverted.</summary>
internal static class ByteLevelDecoding
{
    public static Dictionary<char, byte> UnicodeToByte()
    {
        var printable = new List<int>();
        for (var b = '!'; b <= '~'; b++)
        {
            printable.Add(b);
        }

        for (var b = 0xA1; b <= 0xAC; b++)
        {
            printable.Add(b);
        }

        for (var b = 0xAE; b <= 0xFF; b++)
        {
            printable.Add(b);
        }

        var map = new Dictionary<char, byte>();
        var n = 0;
        for (var b = 0; b < 256; b++)
        {
            if (printable.Contains(b))
            {
                map[(char)b] = (byte)b;
            }
            else
            {
                map[(char)(256 + n)] = (byte)b;
                n++;
            }
        }

        return map;
    }
}

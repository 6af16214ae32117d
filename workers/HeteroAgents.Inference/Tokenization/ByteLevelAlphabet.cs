namespace HeteroAgents.Inference.Tokenization;

/// <summary>GPT-2's byte-to-unicode alphabet: printable bytes stand for themselves, the rest for U+0100 onwards.</summary>
internal static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildForward();
    private static readonly Dictionary<char, byte> CharToByte = ByteToChar.Select((c, b) => (c, b)).ToDictionary(p => p.c, p => (byte)p.b);

    /// <summary>The character standing for <paramref name="value"/>.</summary>
    public static char Char(byte value) => ByteToChar[value];

    /// <summary>The byte a character stands for, if it is in the alphabet.</summary>
    public static bool TryGetByte(char c, out byte value) => CharToByte.TryGetValue(c, out value);

    /// <summary>The UTF-8 bytes of <paramref name="text"/> spelled in the alphabet.</summary>
    public static string Encode(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return string.Create(bytes.Length, bytes, static (span, b) =>
        {
            for (var i = 0; i < b.Length; i++)
            {
                span[i] = ByteToChar[b[i]];
            }
        });
    }

    /// <summary>The bytes of a token spelled in the alphabet, or null when a character is outside it.</summary>
    public static byte[]? Bytes(string token)
    {
        var bytes = new byte[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            if (!CharToByte.TryGetValue(token[i], out bytes[i]))
            {
                return null;
            }
        }

        return bytes;
    }

    private static char[] BuildForward()
    {
        var map = new char[256];
        var next = 0;
        for (var b = 0; b < 256; b++)
        {
            var printable = b is >= '!' and <= '~' or >= 0xA1 and <= 0xAC or >= 0xAE and <= 0xFF;
            map[b] = printable ? (char)b : (char)(256 + next++);
        }

        return map;
    }
}

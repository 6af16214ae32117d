namespace HeteroAgents.ModelMaker.Tokenizer;

/// <summary>
/// GPT-2's byte-to-unicode table: every byte maps to a printable character, so byte-level BPE tokens can be
/// stored as JSON strings (space → Ġ, newline → Ċ).
/// </summary>
public static class ByteLevelAlphabet
{
    private static readonly char[] ByteToChar = BuildTable();

    /// <summary>Maps raw token bytes to their byte-level string.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = ByteToChar[bytes[i]];
        }

        return new string(chars);
    }

    /// <summary>The character for one byte.</summary>
    public static char Encode(byte b) => ByteToChar[b];

    private static char[] BuildTable()
    {
        var table = new char[256];
        var printable = new bool[256];
        for (var b = '!'; b <= '~'; b++)
        {
            printable[b] = true;
        }

        for (var b = '¡'; b <= '¬'; b++)
        {
            printable[b] = true;
        }

        for (var b = '®'; b <= 'ÿ'; b++)
        {
            printable[b] = true;
        }

        var next = 0;
        for (var b = 0; b < 256; b++)
        {
            table[b] = printable[b] ? (char)b : (char)(256 + next++);
        }

        return table;
    }
}

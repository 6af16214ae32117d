using System.IO.Compression;
using System.Reflection;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Decoding.Tests;

/// <summary>Shared real vocabularies: cl100k from Microsoft.ML.Tokenizers, and a tiny byte-level one.</summary>
internal static class TestVocabularies
{
    private static readonly Lazy<(TiktokenTokenizer, TokenVocabulary)> s_cl100k = new(LoadCl100k);

    public static TiktokenTokenizer Cl100kTokenizer => s_cl100k.Value.Item1;

    public static TokenVocabulary Cl100k => s_cl100k.Value.Item2;

    /// <summary>256 single-byte tokens plus a few multi-byte ones; EOS is id 300.</summary>
    public static TokenVocabulary Bytes { get; } = BuildBytes();

    private static TokenVocabulary BuildBytes()
    {
        var tokens = new List<byte[]?>();
        for (var b = 0; b < 256; b++)
        {
            tokens.Add([(byte)b]);
        }

        foreach (var s in new[] { "{\"", "\":", "\",\"", "true", "null", "\"}", "abc", " \"", "12", "\\u", "é" })
        {
            tokens.Add(System.Text.Encoding.UTF8.GetBytes(s));
        }

        while (tokens.Count < 301)
        {
            tokens.Add(null);
        }

        return new TokenVocabulary(tokens, [300]);
    }

    private static (TiktokenTokenizer, TokenVocabulary) LoadCl100k()
    {
        var tokenizer = TiktokenTokenizer.CreateForEncoding("cl100k_base");
        var tokens = new List<byte[]?>();
        using var raw = Assembly.Load("Microsoft.ML.Tokenizers.Data.Cl100kBase").GetManifestResourceStream("cl100k_base.tiktoken.deflate")!;
        using var reader = new StreamReader(new DeflateStream(raw, CompressionMode.Decompress));
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            // Lines are "base64 rank" or just "base64" (rank = line number).
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var rank = space < 0 ? tokens.Count : int.Parse(line.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture);
            while (tokens.Count <= rank)
            {
                tokens.Add(null);
            }

            tokens[rank] = Convert.FromBase64String(space < 0 ? line : line[..space]);
        }

        var special = tokenizer.SpecialTokens!;
        while (tokens.Count <= special.Values.Max())
        {
            tokens.Add(null);
        }

        return (tokenizer, new TokenVocabulary(tokens, [special["<|endoftext|>"]], special.Values));
    }
}

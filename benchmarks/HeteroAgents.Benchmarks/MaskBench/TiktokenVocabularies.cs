using System.IO.Compression;
using System.Reflection;
using HeteroAgents.Decoding;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Benchmarks.MaskBench;

/// <summary>
/// Real 100k/200k vocabularies: the tokenizer from Microsoft.ML.Tokenizers, and the exact token bytes read from the
/// same data package's embedded <c>.tiktoken</c> file (base64 token, rank per line).
/// </summary>
internal static class TiktokenVocabularies
{
    public static (TiktokenTokenizer Tokenizer, TokenVocabulary Vocabulary) Load(string name)
    {
        var (encoding, assembly) = name switch
        {
            "cl100k" or "cl100k_base" => ("cl100k_base", "Microsoft.ML.Tokenizers.Data.Cl100kBase"),
            "o200k" or "o200k_base" => ("o200k_base", "Microsoft.ML.Tokenizers.Data.O200kBase"),
            _ => throw new ArgumentException($"unknown tokenizer '{name}' (use cl100k or o200k)", nameof(name)),
        };
        var tokenizer = TiktokenTokenizer.CreateForEncoding(encoding);
        var tokens = new List<byte[]?>();
        using (var raw = Assembly.Load(assembly).GetManifestResourceStream(encoding + ".tiktoken.deflate")
            ?? throw new InvalidOperationException($"{assembly} has no {encoding}.tiktoken.deflate resource"))
        using (var reader = new StreamReader(new DeflateStream(raw, CompressionMode.Decompress)))
        {
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
        }

        var special = tokenizer.SpecialTokens ?? new Dictionary<string, int>();
        foreach (var id in special.Values)
        {
            while (tokens.Count <= id)
            {
                tokens.Add(null);
            }
        }

        var eos = special.TryGetValue("<|endoftext|>", out var eosId) ? new[] { eosId } : [];
        return (tokenizer, new TokenVocabulary(tokens, eos, special.Values));
    }
}

using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace HeteroAgents.ModelMaker.Tokenizer;

/// <summary>
/// Reads the mergeable ranks of a tiktoken encoding (cl100k_base or o200k_base) from the
/// Microsoft.ML.Tokenizers.Data.* packages. Tokens are returned as Latin-1 strings (one char per byte).
/// </summary>
internal static class TiktokenRanks
{
    /// <summary>Returns the contiguous run of tokens from rank 0 (index = rank), each as a Latin-1 byte string.</summary>
    public static IReadOnlyList<string> Load(string encoding)
    {
        var assembly = Assembly.Load(encoding switch
        {
            "cl100k_base" => "Microsoft.ML.Tokenizers.Data.Cl100kBase",
            "o200k_base" => "Microsoft.ML.Tokenizers.Data.O200kBase",
            _ => throw new ArgumentException($"Unknown tiktoken encoding '{encoding}'.", nameof(encoding)),
        });
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".tiktoken.deflate", StringComparison.Ordinal));
        using var raw = assembly.GetManifestResourceStream(resource)!;
        using var inflated = new DeflateStream(raw, CompressionMode.Decompress);
        using var reader = new StreamReader(inflated, Encoding.ASCII);
        var tokens = new List<string>(200_000);
        var latin1 = Encoding.Latin1;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("Capacity:", StringComparison.Ordinal))
            {
                continue;
            }

            // Lines are "base64" (rank = line index) or "base64 rank"; keep the contiguous run from rank 0.
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space >= 0 && int.Parse(line.AsSpan(space + 1), System.Globalization.CultureInfo.InvariantCulture) != tokens.Count)
            {
                break;
            }

            tokens.Add(latin1.GetString(Convert.FromBase64String(space >= 0 ? line[..space] : line)));
        }

        return tokens;
    }
}

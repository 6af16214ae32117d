using System.Text.Json;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>Writes small hand-made byte-level BPE tokenizer.json files (GPT-2 byte alphabet, a few merges).</summary>
internal static class ByteLevelTokenizerJson
{
    public static readonly string[] Merges = ["h e", "l l", "he ll", "hell o", "Ġ w", "o r", "Ġw or", "Ġwor l", "Ġworl d"];

    /// <summary>GPT-2's byte-to-character table.</summary>
    public static char[] ByteAlphabet()
    {
        var bs = new List<int>();
        bs.AddRange(Enumerable.Range('!', '~' - '!' + 1));
        bs.AddRange(Enumerable.Range('¡', '¬' - '¡' + 1));
        bs.AddRange(Enumerable.Range('®', 'ÿ' - '®' + 1));
        var map = new char[256];
        foreach (var b in bs)
        {
            map[b] = (char)b;
        }

        var n = 0;
        for (var b = 0; b < 256; b++)
        {
            if (!bs.Contains(b))
            {
                map[b] = (char)(256 + n++);
            }
        }

        return map;
    }

    /// <summary>Vocabulary: the 256 byte characters (ids 0-255, by byte value), then one id per merge result.</summary>
    public static Dictionary<string, int> Vocabulary()
    {
        var alphabet = ByteAlphabet();
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var b = 0; b < 256; b++)
        {
            vocab[alphabet[b].ToString()] = b;
        }

        foreach (var m in Merges)
        {
            vocab[m.Replace(" ", string.Empty, StringComparison.Ordinal)] = vocab.Count;
        }

        return vocab;
    }

    public static string Write(string directory, bool mergesAsArrays = false, string modelType = "BPE")
    {
        var vocab = Vocabulary();
        var special = new[] { ("<|endoftext|>", 300), ("<|im_start|>", 301), ("<|im_end|>", 302) };
        var doc = new Dictionary<string, object?>
        {
            ["version"] = "1.0",
            ["added_tokens"] = special.Select(s => new Dictionary<string, object> { ["id"] = s.Item2, ["content"] = s.Item1, ["special"] = true }).ToArray(),
            ["normalizer"] = null,
            ["pre_tokenizer"] = new Dictionary<string, object> { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["use_regex"] = true },
            ["decoder"] = new Dictionary<string, object> { ["type"] = "ByteLevel" },
            ["model"] = new Dictionary<string, object>
            {
                ["type"] = modelType,
                ["vocab"] = vocab,
                ["merges"] = mergesAsArrays ? Merges.Select(m => m.Split(' ')).ToArray() : Merges,
            },
        };
        var path = Path.Combine(directory, "tokenizer.json");
        File.WriteAllText(path, JsonSerializer.Serialize(doc));
        return path;
    }
}

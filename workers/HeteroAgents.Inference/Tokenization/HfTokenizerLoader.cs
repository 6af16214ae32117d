using System.Text.Json;
using System.Text.RegularExpressions;
using HeteroAgents.Inference.Models;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// Loads a tokenizer from a Hugging Face model folder: <c>tokenizer.json</c> (byte-level BPE), else
/// <c>vocab.json</c> + <c>merges.txt</c>, else SentencePiece <c>tokenizer.model</c>.
/// </summary>
public static class HfTokenizerLoader
{
    /// <summary>The GPT-2 pre-tokenization pattern used by byte-level BPE when no explicit split pattern is given.</summary>
    internal const string Gpt2Pattern = @"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+";

    /// <summary>Loads the tokenizer of the folder.</summary>
    /// <exception cref="ModelLoadException">No tokenizer file, or one that is malformed or of an unsupported kind.</exception>
    public static TextTokenizer Load(string modelDirectory)
    {
        var json = Path.Combine(modelDirectory, "tokenizer.json");
        var vocab = Path.Combine(modelDirectory, "vocab.json");
        var merges = Path.Combine(modelDirectory, "merges.txt");
        var spm = Path.Combine(modelDirectory, "tokenizer.model");
        if (File.Exists(json))
        {
            return LoadTokenizerJson(json, File.Exists(spm) ? spm : null);
        }

        if (File.Exists(vocab) && File.Exists(merges))
        {
            return LoadVocabMerges(vocab, merges);
        }

        if (File.Exists(spm))
        {
            return LoadSentencePiece(spm, new Dictionary<string, int>());
        }

        throw new ModelLoadException($"No tokenizer in '{modelDirectory}': expected tokenizer.json, vocab.json + merges.txt, or tokenizer.model.");
    }

    /// <summary>Loads a <c>tokenizer.json</c> file.</summary>
    public static TextTokenizer LoadTokenizerJson(string path, string? sentencePieceFallback = null)
    {
        using var doc = JsonFile.Read(path);
        var root = doc.RootElement;
        if (!root.TryGetProperty("model", out var model) || model.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException($"'{path}': field 'model' is missing.");
        }

        var type = JsonFile.String(model, "type") ?? "BPE";
        var special = ReadAddedTokens(root, path);
        var byteLevel = MentionsByteLevel(root);
        if (type != "BPE" || !byteLevel)
        {
            if (sentencePieceFallback is not null)
            {
                return LoadSentencePiece(sentencePieceFallback, special);
            }

            throw new ModelLoadException($"'{path}': tokenizer model type '{type}'{(byteLevel ? string.Empty : " without byte-level encoding")} is not supported; supply a byte-level BPE tokenizer.json or a SentencePiece tokenizer.model.");
        }

        if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException($"'{path}': field 'model.vocab' is missing.");
        }

        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in vocabElement.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var id) || id < 0)
            {
                throw new ModelLoadException($"'{path}': model.vocab entry '{p.Name}' has id {p.Value.GetRawText()}, expected a non-negative integer.");
            }

            vocab[p.Name] = id;
        }

        var mergeList = ReadMerges(model, path);
        return CreateByteLevel(vocab, mergeList, special, PreTokenizerPattern(root), path);
    }

    private static TextTokenizer LoadVocabMerges(string vocabPath, string mergesPath)
    {
        using var doc = JsonFile.Read(vocabPath);
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            vocab[p.Name] = p.Value.GetInt32();
        }

        var merges = File.ReadLines(mergesPath).Where(l => l.Length > 0 && !l.StartsWith("#version", StringComparison.Ordinal)).ToList();
        var added = Path.Combine(Path.GetDirectoryName(vocabPath)!, "added_tokens.json");
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        if (File.Exists(added))
        {
            using var a = JsonFile.Read(added);
            foreach (var p in a.RootElement.EnumerateObject())
            {
                special[p.Name] = p.Value.GetInt32();
            }
        }

        return CreateByteLevel(vocab, merges, special, Gpt2Pattern, vocabPath);
    }

    private static TextTokenizer LoadSentencePiece(string path, Dictionary<string, int> special)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var tokenizer = LlamaTokenizer.Create(stream, addBeginOfSentence: false, addEndOfSentence: false, specialTokens: special.Count > 0 ? special : null);
            foreach (var (text, id) in tokenizer.SpecialTokens ?? new Dictionary<string, int>())
            {
                special.TryAdd(text, id);
            }

            return new TextTokenizer(tokenizer, tokenizer.Vocabulary, special, path);
        }
        catch (Exception ex) when (ex is not ModelLoadException and not IOException)
        {
            throw new ModelLoadException($"'{path}' is not a readable SentencePiece BPE model: {ex.Message}", ex);
        }
    }

    private static TextTokenizer CreateByteLevel(Dictionary<string, int> vocab, List<string> merges, Dictionary<string, int> special, string pattern, string path)
    {
        foreach (var (text, id) in special)
        {
            vocab.TryAdd(text, id);
        }

        try
        {
            var options = new BpeOptions(vocab)
            {
                Merges = merges,
                ByteLevel = true,
                SpecialTokens = special,
                PreTokenizer = new RegexPreTokenizer(new Regex(pattern, RegexOptions.Compiled), special),
            };
            return new TextTokenizer(BpeTokenizer.Create(options), vocab, special, path);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new ModelLoadException($"'{path}': the BPE vocabulary and merges are inconsistent: {ex.Message}", ex);
        }
    }

    private static Dictionary<string, int> ReadAddedTokens(JsonElement root, string path)
    {
        var special = new Dictionary<string, int>(StringComparer.Ordinal);
        if (root.TryGetProperty("added_tokens", out var added) && added.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in added.EnumerateArray())
            {
                var content = JsonFile.String(t, "content");
                var id = JsonFile.Int(t, "id", Path.GetFileName(path));
                if (content is null || id is null)
                {
                    throw new ModelLoadException($"'{path}': an 'added_tokens' entry lacks 'content' or 'id': {t.GetRawText()}.");
                }

                special[content] = id.Value;
            }
        }

        return special;
    }

    private static List<string> ReadMerges(JsonElement model, string path)
    {
        var list = new List<string>();
        if (!model.TryGetProperty("merges", out var merges) || merges.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var m in merges.EnumerateArray())
        {
            if (m.ValueKind == JsonValueKind.String)
            {
                list.Add(m.GetString()!);
            }
            else if (m.ValueKind == JsonValueKind.Array && m.GetArrayLength() == 2)
            {
                list.Add(m[0].GetString() + " " + m[1].GetString());
            }
            else
            {
                throw new ModelLoadException($"'{path}': model.merges entry {m.GetRawText()} is neither \"a b\" nor [\"a\", \"b\"].");
            }
        }

        return list;
    }

    private static bool MentionsByteLevel(JsonElement root)
    {
        static bool Has(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Any(p => (p.Name == "type" && p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == "ByteLevel") || Has(p.Value)),
            JsonValueKind.Array => e.EnumerateArray().Any(Has),
            _ => false,
        };

        return (root.TryGetProperty("pre_tokenizer", out var p) && Has(p)) || (root.TryGetProperty("decoder", out var d) && Has(d));
    }

    /// <summary>Derives the .NET regex equivalent to the file's pre-tokenizer chain.</summary>
    internal static string PreTokenizerPattern(JsonElement root)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            return Gpt2Pattern;
        }

        var steps = JsonFile.String(pre, "type") == "Sequence" && pre.TryGetProperty("pretokenizers", out var seq)
            ? seq.EnumerateArray().ToList()
            : [pre];
        string? split = null;
        var individualDigits = false;
        foreach (var step in steps)
        {
            switch (JsonFile.String(step, "type"))
            {
                case "Split" when split is null && step.TryGetProperty("pattern", out var pattern):
                    split = JsonFile.String(pattern, "Regex") ?? (JsonFile.String(pattern, "String") is { } s ? Regex.Escape(s) : null);
                    break;
                case "Digits":
                    individualDigits = step.TryGetProperty("individual_digits", out var ind) && ind.ValueKind == JsonValueKind.True;
                    break;
            }
        }

        if (split is not null)
        {
            return split;
        }

        return individualDigits
            ? @"\p{N}|'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"
            : Gpt2Pattern;
    }
}

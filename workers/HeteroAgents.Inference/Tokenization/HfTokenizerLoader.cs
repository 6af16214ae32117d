using System.Text.Json;
using HeteroAgents.Inference.Models;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// Loads a tokenizer from a Hugging Face model folder: <c>tokenizer.json</c> (byte-level BPE), else
/// <c>vocab.json</c> + <c>merges.txt</c> (converted as transformers' slow-to-fast converters do for the
/// <c>tokenizer_class</c> of <c>tokenizer_config.json</c>), else SentencePiece <c>tokenizer.model</c>.
/// </summary>
public static class HfTokenizerLoader
{
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

        if (File.Exists(vocab) != File.Exists(merges))
        {
            throw new ModelLoadException($"'{modelDirectory}' has {(File.Exists(vocab) ? "vocab.json but no merges.txt" : "merges.txt but no vocab.json")}; a byte-level BPE tokenizer needs both (or tokenizer.json).");
        }

        if (File.Exists(vocab))
        {
            return LoadVocabMerges(vocab, merges, Path.Combine(modelDirectory, "tokenizer_config.json"));
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
        var added = ReadAddedTokens(root, path);
        var byteLevel = MentionsByteLevel(root);
        if (type != "BPE" || !byteLevel)
        {
            if (sentencePieceFallback is not null)
            {
                return LoadSentencePiece(sentencePieceFallback, added.ToDictionary(t => t.Content, t => t.Id));
            }

            throw new ModelLoadException($"'{path}': tokenizer model type '{type}'{(byteLevel ? string.Empty : " without byte-level encoding")} is not supported; supply a byte-level BPE tokenizer.json or a SentencePiece tokenizer.model.");
        }

        foreach (var unsupported in new[] { "continuing_subword_prefix", "end_of_word_suffix" })
        {
            if (JsonFile.String(model, unsupported) is { Length: > 0 } value)
            {
                throw new ModelLoadException($"'{path}': model.{unsupported} '{value}' is not supported for byte-level BPE.");
            }
        }

        if (!model.TryGetProperty("vocab", out var vocabElement) || vocabElement.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException($"'{path}': field 'model.vocab' is missing.");
        }

        var vocab = ReadVocabulary(vocabElement, path, "model.vocab");
        var merges = ReadMerges(model, path);
        var ignoreMerges = model.TryGetProperty("ignore_merges", out var im) && im.ValueKind == JsonValueKind.True;
        return CreateByteLevel(vocab, merges, added, PreTokenizerReader.ReadNormalizer(root, path), PreTokenizerReader.ReadPreTokenizer(root, path), ignoreMerges, path);
    }

    private static TextTokenizer LoadVocabMerges(string vocabPath, string mergesPath, string configPath)
    {
        using var doc = JsonFile.Read(vocabPath);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException($"'{vocabPath}' must be a JSON object of token → id.");
        }

        var vocab = ReadVocabulary(doc.RootElement, vocabPath, "vocab");
        var merges = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(mergesPath))
        {
            lineNumber++;
            if (line.Length == 0 || (lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal)))
            {
                continue;
            }

            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0 || space == line.Length - 1)
            {
                throw new ModelLoadException($"'{mergesPath}' line {lineNumber}: '{line}' is not a merge 'left right'.");
            }

            merges.Add((line[..space], line[(space + 1)..]));
        }

        var config = TokenizerConfig.Load(configPath);
        var added = config.AddedTokens.ToList();
        var addedJson = Path.Combine(Path.GetDirectoryName(vocabPath)!, "added_tokens.json");
        if (File.Exists(addedJson))
        {
            using var a = JsonFile.Read(addedJson);
            foreach (var (content, id) in ReadVocabulary(a.RootElement, addedJson, "added_tokens"))
            {
                if (!added.Any(t => t.Id == id))
                {
                    added.Add(new AddedToken(id, content, Special: false, Normalized: false, LeftStrip: false, RightStrip: false));
                }
            }
        }

        // The fast tokenizer transformers would build from these files (convert_slow_tokenizer.py).
        var (nfc, steps) = config.TokenizerClass switch
        {
            "Qwen2Tokenizer" or "Qwen2TokenizerFast" => (true, (List<PreTokenizerStep>)[PreTokenizerStep.Split(PreTokenizerReader.Qwen2Pattern, PreTokenizerStep.SplitMode.Isolated), .. PreTokenizerReader.ByteLevel(config.AddPrefixSpace, useRegex: false)]),
            null or "GPT2Tokenizer" or "GPT2TokenizerFast" or "CodeGenTokenizer" or "CodeGenTokenizerFast" => (false, [.. PreTokenizerReader.ByteLevel(config.AddPrefixSpace, useRegex: true)]),
            var other => throw new ModelLoadException($"'{configPath}': tokenizer_class '{other}' with vocab.json + merges.txt is not supported (Qwen2Tokenizer, GPT2Tokenizer); supply tokenizer.json."),
        };
        return CreateByteLevel(vocab, merges, added, nfc, steps, ignoreMerges: false, vocabPath);
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

            return new TextTokenizer(new SentencePieceCodec(tokenizer, special.Keys), tokenizer.Vocabulary, special, path);
        }
        catch (Exception ex) when (ex is not ModelLoadException and not IOException)
        {
            throw new ModelLoadException($"'{path}' is not a readable SentencePiece BPE model: {ex.Message}", ex);
        }
    }

    private static TextTokenizer CreateByteLevel(Dictionary<string, int> vocab, List<(string, string)> merges, List<AddedToken> added, bool nfc, List<PreTokenizerStep> steps, bool ignoreMerges, string path)
    {
        foreach (var (left, right) in merges)
        {
            if (!vocab.ContainsKey(left + right))
            {
                throw new ModelLoadException($"'{path}': the merge '{left} {right}' makes '{left + right}', which is not in the vocabulary: vocabulary and merges do not match.");
            }
        }

        var withAdded = new Dictionary<string, int>(vocab, StringComparer.Ordinal);
        foreach (var t in added)
        {
            withAdded[t.Content] = t.Id;
        }

        var model = new BytePairModel(withAdded, merges, ignoreMerges, path);
        var codec = new ByteLevelCodec(model, withAdded, added, nfc, steps);
        return new TextTokenizer(codec, vocab, added.GroupBy(t => t.Content).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal), path);
    }

    private static Dictionary<string, int> ReadVocabulary(JsonElement element, string path, string field)
    {
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in element.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetInt32(out var id) || id < 0)
            {
                throw new ModelLoadException($"'{path}': {field} entry '{p.Name}' has id {p.Value.GetRawText()}, expected a non-negative integer.");
            }

            vocab[p.Name] = id;
        }

        return vocab;
    }

    private static List<AddedToken> ReadAddedTokens(JsonElement root, string path)
    {
        var list = new List<AddedToken>();
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

                list.Add(TokenizerConfig.ReadAddedToken(t, id.Value, content));
            }
        }

        return list;
    }

    private static List<(string, string)> ReadMerges(JsonElement model, string path)
    {
        var list = new List<(string, string)>();
        if (!model.TryGetProperty("merges", out var merges) || merges.ValueKind != JsonValueKind.Array)
        {
            return list;
        }

        foreach (var m in merges.EnumerateArray())
        {
            if (m.ValueKind == JsonValueKind.String && m.GetString() is { } s && s.IndexOf(' ', StringComparison.Ordinal) is > 0 and var space && space < s.Length - 1)
            {
                list.Add((s[..space], s[(space + 1)..]));
            }
            else if (m.ValueKind == JsonValueKind.Array && m.GetArrayLength() == 2 && m[0].ValueKind == JsonValueKind.String && m[1].ValueKind == JsonValueKind.String)
            {
                list.Add((m[0].GetString()!, m[1].GetString()!));
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
}

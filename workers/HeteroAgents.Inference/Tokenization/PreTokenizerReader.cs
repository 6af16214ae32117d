using System.Text.Json;
using HeteroAgents.Inference.Models;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>Reads the <c>normalizer</c> and <c>pre_tokenizer</c> of a byte-level <c>tokenizer.json</c>, refusing what it cannot reproduce.</summary>
internal static class PreTokenizerReader
{
    /// <summary>The pattern transformers' Qwen2Converter gives Qwen2/Qwen2.5/Qwen3 tokenizers built from vocab.json + merges.txt.</summary>
    public const string Qwen2Pattern = @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    /// <summary>Whether the normalizer is NFC (true) or absent (false).</summary>
    public static bool ReadNormalizer(JsonElement root, string path)
    {
        if (!root.TryGetProperty("normalizer", out var n) || n.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        var nfc = false;
        foreach (var step in Flatten(n, "normalizers"))
        {
            switch (JsonFile.String(step, "type"))
            {
                case "NFC":
                    nfc = true;
                    break;
                case var other:
                    throw new ModelLoadException($"'{path}': normalizer '{other}' is not supported for byte-level BPE (supported: NFC, or none).");
            }
        }

        return nfc;
    }

    /// <summary>The pre-tokenizer chain; ByteLevel must come last (it spells the pieces in the byte alphabet).</summary>
    public static List<PreTokenizerStep> ReadPreTokenizer(JsonElement root, string path)
    {
        if (!root.TryGetProperty("pre_tokenizer", out var pre) || pre.ValueKind != JsonValueKind.Object)
        {
            throw new ModelLoadException($"'{path}': field 'pre_tokenizer' is missing; a byte-level BPE tokenizer needs a ByteLevel pre-tokenizer.");
        }

        var steps = new List<PreTokenizerStep>();
        var byteLevel = false;
        foreach (var step in Flatten(pre, "pretokenizers"))
        {
            var type = JsonFile.String(step, "type");
            if (byteLevel)
            {
                throw new ModelLoadException($"'{path}': pre_tokenizer '{type}' after ByteLevel is not supported.");
            }

            switch (type)
            {
                case "ByteLevel":
                    byteLevel = true;
                    steps.AddRange(ByteLevel(Bool(step, "add_prefix_space", false), Bool(step, "use_regex", true)));
                    break;
                case "Digits":
                    steps.Add(PreTokenizerStep.Digits(Bool(step, "individual_digits", false)));
                    break;
                case "Split":
                    steps.Add(Split(step, path));
                    break;
                default:
                    throw new ModelLoadException($"'{path}': pre_tokenizer '{type}' is not supported for byte-level BPE (supported: Sequence, Split, Digits, ByteLevel).");
            }
        }

        return byteLevel ? steps : throw new ModelLoadException($"'{path}': the pre_tokenizer has no ByteLevel step; only byte-level BPE is read from tokenizer.json.");
    }

    /// <summary>The steps of a ByteLevel pre-tokenizer.</summary>
    public static IEnumerable<PreTokenizerStep> ByteLevel(bool addPrefixSpace, bool useRegex)
    {
        if (addPrefixSpace)
        {
            yield return PreTokenizerStep.PrefixSpace();
        }

        if (useRegex)
        {
            yield return PreTokenizerStep.ByteLevelSplit();
        }
    }

    private static PreTokenizerStep Split(JsonElement step, string path)
    {
        var behavior = JsonFile.String(step, "behavior") ?? "Isolated";
        var invert = Bool(step, "invert", false);
        var mode = invert ? PreTokenizerStep.SplitMode.Matches : behavior.ToUpperInvariant() switch
        {
            "ISOLATED" => PreTokenizerStep.SplitMode.Isolated,
            "REMOVED" => PreTokenizerStep.SplitMode.Removed,
            _ => throw new ModelLoadException($"'{path}': Split behavior '{behavior}' is not supported (Isolated, Removed)."),
        };
        if (!step.TryGetProperty("pattern", out var pattern))
        {
            throw new ModelLoadException($"'{path}': a Split pre_tokenizer has no 'pattern'.");
        }

        if (JsonFile.String(pattern, "String") is { } literal)
        {
            return PreTokenizerStep.SplitLiteral(literal, mode);
        }

        var regex = JsonFile.String(pattern, "Regex") ?? throw new ModelLoadException($"'{path}': Split 'pattern' has neither 'Regex' nor 'String'.");
        try
        {
            return PreTokenizerStep.Split(regex, mode);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new ModelLoadException($"'{path}': the Split regex '{regex}' cannot be reproduced: {ex.Message}.", ex);
        }
    }

    private static IEnumerable<JsonElement> Flatten(JsonElement e, string listName)
    {
        if (JsonFile.String(e, "type") == "Sequence" && e.TryGetProperty(listName, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                foreach (var inner in Flatten(item, listName))
                {
                    yield return inner;
                }
            }
        }
        else
        {
            yield return e;
        }
    }

    private static bool Bool(JsonElement e, string name, bool fallback)
        => e.TryGetProperty(name, out var v) ? v.ValueKind switch { JsonValueKind.True => true, JsonValueKind.False => false, _ => fallback } : fallback;
}

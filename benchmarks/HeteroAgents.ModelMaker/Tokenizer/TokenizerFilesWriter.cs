using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HeteroAgents.ModelMaker.Tokenizer;

/// <summary>
/// Writes a <see cref="BpeVocabulary"/> in the Hugging Face formats: <c>tokenizer.json</c> (fast tokenizer),
/// <c>vocab.json</c> + <c>merges.txt</c> (GPT-2 style), <c>tokenizer_config.json</c> and <c>special_tokens_map.json</c>.
/// </summary>
internal static class TokenizerFilesWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<string> Write(BpeVocabulary vocab, ModelPreset preset, string dir)
    {
        var paths = new List<string>
        {
            WriteJson(dir, "tokenizer.json", w => WriteTokenizerJson(w, vocab)),
            WriteJson(dir, "vocab.json", w => WriteVocab(w, vocab)),
        };

        var merges = new StringBuilder("#version: 0.2\n");
        foreach (var (left, right) in vocab.Merges)
        {
            merges.Append(left).Append(' ').Append(right).Append('\n');
        }

        var mergesPath = Path.Combine(dir, "merges.txt");
        File.WriteAllText(mergesPath, merges.ToString(), new UTF8Encoding(false));
        paths.Add(mergesPath);
        paths.Add(WriteJson(dir, "tokenizer_config.json", w => WriteTokenizerConfig(w, vocab, preset)));
        paths.Add(WriteJson(dir, "special_tokens_map.json", w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("additional_special_tokens");
            w.WriteStringValue("<|im_start|>");
            w.WriteStringValue("<|im_end|>");
            w.WriteEndArray();
            w.WriteString("bos_token", "<|endoftext|>");
            w.WriteString("eos_token", "<|im_end|>");
            w.WriteString("pad_token", "<|endoftext|>");
            w.WriteString("unk_token", "<|endoftext|>");
            w.WriteEndObject();
        }));
        return paths;
    }

    internal static string WriteJson(string dir, string name, Action<Utf8JsonWriter> write)
    {
        var path = Path.Combine(dir, name);
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write))
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        File.AppendAllText(path, "\n");
        return path;
    }

    private static void WriteTokenizerJson(Utf8JsonWriter w, BpeVocabulary vocab)
    {
        w.WriteStartObject();
        w.WriteString("version", "1.0");
        w.WriteNull("truncation");
        w.WriteNull("padding");
        w.WriteStartArray("added_tokens");
        foreach (var special in BpeVocabulary.SpecialTokens)
        {
            w.WriteStartObject();
            w.WriteNumber("id", vocab.SpecialId(special));
            w.WriteString("content", special);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("special", true);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteNull("normalizer");
        w.WriteStartObject("pre_tokenizer");
        w.WriteString("type", "Sequence");
        w.WriteStartArray("pretokenizers");
        w.WriteStartObject();
        w.WriteString("type", "Split");
        w.WriteStartObject("pattern");
        w.WriteString("Regex", vocab.PreTokenizerPattern);
        w.WriteEndObject();
        w.WriteString("behavior", "Isolated");
        w.WriteBoolean("invert", false);
        w.WriteEndObject();
        WriteByteLevel(w, null);
        w.WriteEndArray();
        w.WriteEndObject();
        WriteByteLevel(w, "post_processor");
        WriteByteLevel(w, "decoder");
        w.WriteStartObject("model");
        w.WriteString("type", "BPE");
        w.WriteNull("dropout");
        w.WriteNull("unk_token");
        w.WriteNull("continuing_subword_prefix");
        w.WriteNull("end_of_word_suffix");
        w.WriteBoolean("fuse_unk", false);
        w.WriteBoolean("byte_fallback", false);
        w.WriteBoolean("ignore_merges", false);
        w.WritePropertyName("vocab");
        WriteVocab(w, vocab, regularOnly: true);
        w.WriteStartArray("merges");
        foreach (var (left, right) in vocab.Merges)
        {
            w.WriteStringValue(left + " " + right);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteByteLevel(Utf8JsonWriter w, string? property)
    {
        if (property is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(property);
        }

        w.WriteString("type", "ByteLevel");
        w.WriteBoolean("add_prefix_space", false);
        w.WriteBoolean("trim_offsets", false);
        w.WriteBoolean("use_regex", false);
        w.WriteEndObject();
    }

    private static void WriteVocab(Utf8JsonWriter w, BpeVocabulary vocab) => WriteVocab(w, vocab, regularOnly: false);

    private static void WriteVocab(Utf8JsonWriter w, BpeVocabulary vocab, bool regularOnly)
    {
        w.WriteStartObject();
        var count = regularOnly ? vocab.Size - BpeVocabulary.SpecialTokens.Count : vocab.Size;
        for (var id = 0; id < count; id++)
        {
            w.WriteNumber(vocab.Tokens[id], id);
        }

        w.WriteEndObject();
    }

    private static void WriteTokenizerConfig(Utf8JsonWriter w, BpeVocabulary vocab, ModelPreset preset)
    {
        w.WriteStartObject();
        w.WriteBoolean("add_bos_token", false);
        w.WriteBoolean("add_eos_token", false);
        w.WriteBoolean("add_prefix_space", false);
        w.WriteStartObject("added_tokens_decoder");
        foreach (var special in BpeVocabulary.SpecialTokens)
        {
            w.WriteStartObject(vocab.SpecialId(special).ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("content", special);
            w.WriteBoolean("lstrip", false);
            w.WriteBoolean("normalized", false);
            w.WriteBoolean("rstrip", false);
            w.WriteBoolean("single_word", false);
            w.WriteBoolean("special", true);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteStartArray("additional_special_tokens");
        w.WriteStringValue("<|im_start|>");
        w.WriteStringValue("<|im_end|>");
        w.WriteEndArray();
        w.WriteString("bos_token", "<|endoftext|>");
        w.WriteString("chat_template", ChatTemplates.For(preset.Family));
        w.WriteBoolean("clean_up_tokenization_spaces", false);
        w.WriteString("eos_token", "<|im_end|>");
        w.WriteNumber("model_max_length", preset.MaxPositionEmbeddings);
        w.WriteString("pad_token", "<|endoftext|>");
        w.WriteString("tokenizer_class", preset.Family is "qwen2" or "qwen3" ? "Qwen2Tokenizer" : "GPT2Tokenizer");
        w.WriteString("unk_token", "<|endoftext|>");
        w.WriteEndObject();
    }
}

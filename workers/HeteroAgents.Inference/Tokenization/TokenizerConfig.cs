using System.Text.Json;
using HeteroAgents.Inference.Models;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>The parts of <c>tokenizer_config.json</c> the runtime uses: chat template and special tokens.</summary>
public sealed record TokenizerConfig
{
    /// <summary>The default Jinja chat template, if the file has one.</summary>
    public string? ChatTemplate { get; init; }

    /// <summary><c>bos_token</c> text.</summary>
    public string? BosToken { get; init; }

    /// <summary><c>eos_token</c> text.</summary>
    public string? EosToken { get; init; }

    /// <summary><c>add_bos_token</c>: whether plain (non-chat) prompts start with the BOS token.</summary>
    public bool AddBosToken { get; init; }

    /// <summary><c>model_max_length</c> when it is a sensible number.</summary>
    public int? ModelMaxLength { get; init; }

    /// <summary><c>tokenizer_class</c> (e.g. <c>Qwen2Tokenizer</c>), which says how vocab.json + merges.txt become a tokenizer.</summary>
    public string? TokenizerClass { get; init; }

    /// <summary><c>add_prefix_space</c>.</summary>
    public bool AddPrefixSpace { get; init; }

    /// <summary>The added tokens of <c>added_tokens_decoder</c> (used when the folder has no tokenizer.json).</summary>
    internal IReadOnlyList<AddedToken> AddedTokens { get; init; } = [];

    /// <summary>Where the chat template came from (<c>chat_template.jinja</c> or <c>tokenizer_config.json</c>), or null.</summary>
    public string? ChatTemplateSource { get; init; }

    /// <summary>
    /// Reads the file if present (an absent file gives empty settings). A <c>chat_template.jinja</c> beside it (the
    /// layout newer transformers versions save) takes precedence over the file's <c>chat_template</c>.
    /// </summary>
    public static TokenizerConfig Load(string path)
    {
        var jinja = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "chat_template.jinja");
        var fromFile = File.Exists(jinja) ? File.ReadAllText(jinja) : null;
        if (!File.Exists(path))
        {
            return new TokenizerConfig { ChatTemplate = fromFile, ChatTemplateSource = fromFile is null ? null : jinja };
        }

        using var doc = JsonFile.Read(path);
        var root = doc.RootElement;
        int? maxLength = root.TryGetProperty("model_max_length", out var ml) && ml.ValueKind == JsonValueKind.Number && ml.TryGetInt64(out var l) && l is > 0 and < 10_000_000 ? (int)l : null;
        var template = fromFile ?? ReadTemplate(root, path);
        return new TokenizerConfig
        {
            ChatTemplate = template,
            ChatTemplateSource = fromFile is not null ? jinja : template is not null ? path : null,
            TokenizerClass = JsonFile.String(root, "tokenizer_class"),
            AddPrefixSpace = root.TryGetProperty("add_prefix_space", out var aps) && aps.ValueKind == JsonValueKind.True,
            AddedTokens = ReadAddedTokensDecoder(root, path),
            BosToken = TokenText(root, "bos_token"),
            EosToken = TokenText(root, "eos_token"),
            AddBosToken = root.TryGetProperty("add_bos_token", out var ab) && ab.ValueKind == JsonValueKind.True,
            ModelMaxLength = maxLength,
        };
    }

    /// <summary>One added token from its JSON object (flags default as in Hugging Face's tokenizers).</summary>
    internal static AddedToken ReadAddedToken(JsonElement t, int id, string content)
    {
        static bool Flag(JsonElement e, string name, bool fallback)
            => e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.True || (v.ValueKind != JsonValueKind.False && fallback) : fallback;

        var special = Flag(t, "special", false);
        return new AddedToken(id, content, special, Flag(t, "normalized", !special), Flag(t, "lstrip", false), Flag(t, "rstrip", false));
    }

    private static List<AddedToken> ReadAddedTokensDecoder(JsonElement root, string path)
    {
        var list = new List<AddedToken>();
        if (!root.TryGetProperty("added_tokens_decoder", out var decoder) || decoder.ValueKind != JsonValueKind.Object)
        {
            return list;
        }

        foreach (var p in decoder.EnumerateObject())
        {
            if (!int.TryParse(p.Name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ||
                p.Value.ValueKind != JsonValueKind.Object || JsonFile.String(p.Value, "content") is not { } content)
            {
                throw new ModelLoadException($"'{path}': added_tokens_decoder entry '{p.Name}' needs an integer key and a 'content'.");
            }

            list.Add(ReadAddedToken(p.Value, id, content));
        }

        return list;
    }

    private static string? TokenText(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Object => JsonFile.String(v, "content"),
            _ => null,
        };
    }

    private static string? ReadTemplate(JsonElement root, string path)
    {
        if (!root.TryGetProperty("chat_template", out var t))
        {
            return null;
        }

        switch (t.ValueKind)
        {
            case JsonValueKind.String:
                return t.GetString();
            case JsonValueKind.Array:
                foreach (var e in t.EnumerateArray())
                {
                    if (JsonFile.String(e, "name") == "default")
                    {
                        return JsonFile.String(e, "template");
                    }
                }

                return null;
            case JsonValueKind.Null:
                return null;
            default:
                throw new ModelLoadException($"'{path}': field 'chat_template' must be a string or a list of named templates.");
        }
    }
}

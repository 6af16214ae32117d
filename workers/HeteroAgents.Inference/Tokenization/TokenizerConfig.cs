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

    /// <summary>Reads the file if present; an absent file gives empty settings.</summary>
    public static TokenizerConfig Load(string path)
    {
        if (!File.Exists(path))
        {
            return new TokenizerConfig();
        }

        using var doc = JsonFile.Read(path);
        var root = doc.RootElement;
        int? maxLength = root.TryGetProperty("model_max_length", out var ml) && ml.ValueKind == JsonValueKind.Number && ml.TryGetInt64(out var l) && l is > 0 and < 10_000_000 ? (int)l : null;
        return new TokenizerConfig
        {
            ChatTemplate = ReadTemplate(root, path),
            BosToken = TokenText(root, "bos_token"),
            EosToken = TokenText(root, "eos_token"),
            AddBosToken = root.TryGetProperty("add_bos_token", out var ab) && ab.ValueKind == JsonValueKind.True,
            ModelMaxLength = maxLength,
        };
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

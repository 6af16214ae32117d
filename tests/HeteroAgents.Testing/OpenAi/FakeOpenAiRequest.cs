using System.Text.Json;

namespace HeteroAgents.Testing.OpenAi;

/// <summary>One <c>POST /v1/chat/completions</c> request a <see cref="FakeOpenAiCompatibleServer"/> received.</summary>
public sealed class FakeOpenAiRequest
{
    internal FakeOpenAiRequest(JsonElement body, string? authorization)
    {
        Body = body;
        Authorization = authorization;
    }

    /// <summary>The request body as sent.</summary>
    public JsonElement Body { get; }

    /// <summary>The <c>Authorization</c> header, if any.</summary>
    public string? Authorization { get; }

    /// <summary>The <c>model</c> field.</summary>
    public string? Model => Body.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;

    /// <summary>The <c>response_format</c> object, when sent.</summary>
    public JsonElement? ResponseFormat => Body.TryGetProperty("response_format", out var f) && f.ValueKind == JsonValueKind.Object ? f : null;

    /// <summary>The <c>response_format.type</c>, e.g. <c>json_schema</c>.</summary>
    public string? ResponseFormatType => ResponseFormat is { } f && f.TryGetProperty("type", out var t) ? t.GetString() : null;

    /// <summary>The schema of a <c>json_schema</c> response format, when sent.</summary>
    public JsonElement? Schema => ResponseFormat is { } f && f.TryGetProperty("json_schema", out var js) && js.ValueKind == JsonValueKind.Object &&
        js.TryGetProperty("schema", out var s) ? s : null;

    /// <summary>The <c>response_format.json_schema.strict</c> flag, when sent.</summary>
    public bool? Strict => ResponseFormat is { } f && f.TryGetProperty("json_schema", out var js) && js.ValueKind == JsonValueKind.Object &&
        js.TryGetProperty("strict", out var s) && s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : null;

    /// <summary>Whether <c>logprobs: true</c> was sent.</summary>
    public bool LogProbsRequested => Body.TryGetProperty("logprobs", out var l) && l.ValueKind == JsonValueKind.True;

    /// <summary>The messages' text contents, in order (role, content).</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        Body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array
            ? [.. messages.EnumerateArray().Select(m => (m.GetProperty("role").GetString() ?? string.Empty, ContentOf(m)))]
            : [];

    /// <summary>The content of the last user message.</summary>
    public string UserText => Messages.LastOrDefault(m => m.Role == "user").Content ?? string.Empty;

    private static string ContentOf(JsonElement message)
    {
        if (!message.TryGetProperty("content", out var content))
        {
            return string.Empty;
        }

        return content.ValueKind switch
        {
            JsonValueKind.String => content.GetString() ?? string.Empty,
            // Content parts: [{"type":"text","text":"..."}]
            JsonValueKind.Array => string.Concat(content.EnumerateArray()
                .Where(p => p.TryGetProperty("text", out _)).Select(p => p.GetProperty("text").GetString())),
            _ => string.Empty,
        };
    }
}

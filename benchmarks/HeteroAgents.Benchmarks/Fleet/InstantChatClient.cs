using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>
/// Benchmark-only model backend that answers at once with a minimal instance of the requested JSON schema
/// (first enum value / const, first <c>anyOf</c> branch, required properties only, strings the task text's first
/// word, numbers 1) with confidence 1: valid and grounded for the benchmark's tasks, so they complete and the fleet's
/// cost is measured without any model time.
/// </summary>
internal sealed class InstantChatClient : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var schema = (options?.ResponseFormat as ChatResponseFormatJson)?.Schema;
        var word = FirstWord(messages.LastOrDefault()?.Text ?? string.Empty);
        var answer = schema is { } s ? Instance(s, word) : new JsonObject();
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer?.ToJsonString() ?? "{}"))
        {
            Usage = new UsageDetails { InputTokenCount = 1, OutputTokenCount = 1 },
            ModelId = "instant",
            AdditionalProperties = new() { ["hetero.confidence"] = 1.0 },
        };
        return Task.FromResult(response);
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The instant backend does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    // The first word of the task's material (between <text>…</text> or <request>…</request>), so answers are grounded.
    private static string FirstWord(string prompt)
    {
        var open = prompt.IndexOf('>', Math.Max(0, Math.Max(prompt.LastIndexOf("<text>", StringComparison.Ordinal), prompt.LastIndexOf("<request>", StringComparison.Ordinal))));
        var material = open >= 0 ? prompt[(open + 1)..] : prompt;
        return material.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim('.', ',', '?', '!') ?? "x";
    }

    private static JsonNode? Instance(JsonElement schema, string word)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            return JsonNode.Parse(values[0].GetRawText());
        }

        if (schema.TryGetProperty("anyOf", out var branches) && branches.GetArrayLength() > 0)
        {
            return Instance(branches[0], word);
        }

        var type = schema.TryGetProperty("type", out var t) ? (t.ValueKind == JsonValueKind.Array ? t[0].GetString() : t.GetString()) : "object";
        switch (type)
        {
            case "object":
                var obj = new JsonObject();
                if (schema.TryGetProperty("required", out var required) && schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                    {
                        obj[name] = properties.TryGetProperty(name, out var p) ? Instance(p, word) : null;
                    }
                }

                return obj;
            case "array":
                return new JsonArray();
            case "string":
                return word;
            case "integer" or "number":
                return 1;
            case "boolean":
                return false;
            default:
                return null;
        }
    }
}

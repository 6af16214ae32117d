using System.Text.Json;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// Recognizes JSON schemas whose valid results are a short, fixed list — an object with one required property whose
/// value is an enum of strings, such as a classify task's <c>{"label": one of the labels}</c> — and lists those results
/// as compact JSON texts, so the chat client can score them exactly as candidates instead of generating.
/// </summary>
public static class EnumeratedJsonResults
{
    /// <summary>Most results worth scoring as candidates.</summary>
    public const int MaxCandidates = 64;

    private static readonly HashSet<string> Annotations = ["$schema", "$id", "title", "description", "type", "additionalProperties", "required", "properties"];

    /// <summary>The results of <paramref name="schema"/> as JSON texts, or false when it allows more than a short list.</summary>
    public static bool TryGetCandidates(JsonElement schema, out IReadOnlyList<string> candidates)
    {
        candidates = [];
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        if (schema.EnumerateObject().Any(p => !Annotations.Contains(p.Name)) ||
            (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() != "object") ||
            (schema.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind != JsonValueKind.False))
        {
            return false;
        }

        var list = properties.EnumerateObject().ToList();
        if (list.Count != 1 || !schema.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array ||
            !required.EnumerateArray().Any(r => r.ValueKind == JsonValueKind.String && r.GetString() == list[0].Name))
        {
            return false;
        }

        var property = list[0];
        if (property.Value.ValueKind != JsonValueKind.Object || !property.Value.TryGetProperty("enum", out var values) || values.ValueKind != JsonValueKind.Array ||
            property.Value.EnumerateObject().Any(p => p.Name is not ("enum" or "type" or "description" or "title")) ||
            values.GetArrayLength() is 0 or > MaxCandidates || values.EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
        {
            return false;
        }

        candidates = [.. values.EnumerateArray().Select(v => JsonSerializer.Serialize(new Dictionary<string, string> { [property.Name] = v.GetString()! }))];
        return true;
    }
}

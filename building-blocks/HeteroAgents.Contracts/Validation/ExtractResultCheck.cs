using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Extract: every extracted string value (at any depth, in objects and arrays) appears in the source text under the
/// <see cref="SourceTextMatcher"/> rule. Exempt are strings whose schema fixes or normalizes them — an <c>enum</c> or
/// <c>const</c>, or a <c>format</c> of <c>date</c>, <c>date-time</c> or <c>time</c> — since the schema, not the text,
/// decides their spelling. Numbers, booleans and nulls are not checked against the text.
/// </summary>
internal static class ExtractResultCheck
{
    private static readonly HashSet<string> NormalizingFormats = new(StringComparer.OrdinalIgnoreCase) { "date", "date-time", "time" };

    public static ResultProblem? Check(ExtractInput input, JsonElement result) =>
        Check(result, input.Schema, "$", new SourceTextMatcher(input.Text));

    private static ResultProblem? Check(JsonElement value, JsonElement? schema, string path, SourceTextMatcher matcher)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (IsExempt(schema))
                {
                    return null;
                }

                var text = value.GetString()!;
                return matcher.Contains(text)
                    ? null
                    : new ResultProblem(ResultCheckNames.ValueInSource, $"{path} = \"{Shorten(text)}\" does not appear in the source text");

            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    var problem = Check(property.Value, PropertySchema(schema, property.Name), $"{path}.{property.Name}", matcher);
                    if (problem is not null)
                    {
                        return problem;
                    }
                }

                return null;

            case JsonValueKind.Array:
                var index = 0;
                var items = ItemsSchema(schema);
                foreach (var item in value.EnumerateArray())
                {
                    var problem = Check(item, items, $"{path}[{index}]", matcher);
                    if (problem is not null)
                    {
                        return problem;
                    }

                    index++;
                }

                return null;

            default:
                return null;
        }
    }

    private static bool IsExempt(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s &&
        (s.TryGetProperty("enum", out _) || s.TryGetProperty("const", out _) ||
         (s.TryGetProperty("format", out var format) && format.ValueKind == JsonValueKind.String && NormalizingFormats.Contains(format.GetString()!)));

    private static JsonElement? PropertySchema(JsonElement? schema, string name) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("properties", out var properties) &&
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var property)
            ? property
            : null;

    private static JsonElement? ItemsSchema(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Object
            ? items
            : null;

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}

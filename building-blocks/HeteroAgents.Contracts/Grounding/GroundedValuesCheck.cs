using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Walks a result value with its schema (objects by <c>properties</c>, arrays by <c>items</c>, at any depth) and checks
/// every string and number against the source with <see cref="SourceGrounding"/>. Exempt are values whose schema fixes
/// them (<c>enum</c>, <c>const</c>), marks them free text (<see cref="GroundingKeywords.FreeText"/>), and, per
/// <see cref="GroundingRules"/>, any <c>format</c> or the schema's <c>default</c>; also booleans and nulls (and empty
/// strings, which claim nothing). Date formats (<c>date</c>, <c>date-time</c>, <c>time</c>) are compared as dates.
/// </summary>
internal sealed class GroundedValuesCheck(SourceGrounding source, GroundingRules rules)
{
    private static readonly HashSet<string> DateFormats = new(StringComparer.OrdinalIgnoreCase) { "date", "date-time", "time" };

    public ResultProblem? Check(JsonElement value, JsonElement? schema, string path)
    {
        if (IsExempt(schema, value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                var text = value.GetString()!;
                var miss = source.CheckString(text, IsDateFormat(schema));
                return miss is null ? null : new ResultProblem(CheckName(miss.Kind), $"{path} = \"{Shorten(text)}\" {miss.Explanation}");

            case JsonValueKind.Number:
                // Non-finite numbers are the finite_number check's; they are not compared here.
                if (!value.TryGetDouble(out var number))
                {
                    return null;
                }

                var numberMiss = source.CheckNumber(number);
                return numberMiss is null ? null : new ResultProblem(rules.NumberCheck, $"{path} = {value.GetRawText()} {numberMiss.Explanation}");

            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    if (Check(property.Value, Child(schema, "properties", property.Name), $"{path}.{property.Name}") is { } problem)
                    {
                        return problem;
                    }
                }

                return null;

            case JsonValueKind.Array:
                var index = 0;
                var items = Child(schema, "items", null);
                foreach (var item in value.EnumerateArray())
                {
                    if (Check(item, items, $"{path}[{index}]") is { } problem)
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

    private string CheckName(GroundingKind kind) => kind switch
    {
        GroundingKind.Number => rules.NumberCheck,
        GroundingKind.Date => rules.DateCheck,
        _ => rules.TextCheck,
    };

    private bool IsExempt(JsonElement? schema, JsonElement value)
    {
        return schema is { ValueKind: JsonValueKind.Object } s && (s.TryGetProperty("enum", out _) || s.TryGetProperty("const", out _) ||
            (s.TryGetProperty(GroundingKeywords.FreeText, out var free) && free.ValueKind == JsonValueKind.True) ||
            (rules.FormatsExempt && s.TryGetProperty("format", out _)) ||
            (rules.DefaultsExempt && s.TryGetProperty("default", out var fallback) && JsonElement.DeepEquals(fallback, value)));
    }

    private static bool IsDateFormat(JsonElement? schema) =>
        schema is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("format", out var format) &&
        format.ValueKind == JsonValueKind.String && DateFormats.Contains(format.GetString()!);

    private static JsonElement? Child(JsonElement? schema, string keyword, string? name)
    {
        if (schema is not { ValueKind: JsonValueKind.Object } s || !s.TryGetProperty(keyword, out var child))
        {
            return null;
        }

        if (name is null)
        {
            return child.ValueKind == JsonValueKind.Object ? child : null;
        }

        return child.ValueKind == JsonValueKind.Object && child.TryGetProperty(name, out var property) ? property : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}

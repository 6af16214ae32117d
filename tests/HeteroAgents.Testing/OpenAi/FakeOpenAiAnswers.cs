using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HeteroAgents.Testing.OpenAi;

/// <summary>
/// The deterministic answering rules of <see cref="FakeOpenAiCompatibleServer"/>. The answer is built from the
/// request's <c>response_format.json_schema.schema</c> and the material in the last user message (the text between
/// <c>&lt;text&gt;</c>/<c>&lt;/text&gt;</c> or the request between <c>&lt;request&gt;</c>/<c>&lt;/request&gt;</c>; the whole
/// message when there are no tags). The schema's shape decides the task:
/// <list type="bullet">
/// <item><b>classify</b> (an object whose <c>label</c> has an <c>enum</c>): the first label, in the enum's order, that
/// occurs in the text (case-insensitive, <c>_</c> read as a space); otherwise the first label.</item>
/// <item><b>tool_call</b> (<c>anyOf</c> branches whose <c>name</c> is a <c>const</c>): the first tool whose name occurs in
/// the request (same matching), else the first tool whose required pattern-constrained string arguments all find a
/// matching token in the request, else the first tool; its arguments are built from its parameters schema with the
/// value rules below.</item>
/// <item><b>summarize</b> (an object whose only property is <c>summary</c>): the first N words of the text, N = the
/// smaller of 12 and the number in the prompt's "at most N words".</item>
/// <item><b>extract</b> (any other object schema): each property filled by the value rules; an optional string that is
/// not found is left out, a required one is answered as <c>"&lt;not found&gt;"</c> — which the worker's source check
/// rejects, so such a task escalates.</item>
/// </list>
/// Value rules for a property <c>p</c>: <c>const</c> → it; <c>enum</c> → the first value occurring in the text, else the
/// first; string with <c>format: email</c> → the first e-mail address in the text; string with a <c>pattern</c> → the
/// first token of the text matching it; other strings → the token after the property's name in the text (<c>order_id</c> matches "order id", "order-id", "order_id", optionally followed by
/// ":", "#", "=" or "is"), else the first token containing a digit (order numbers, codes), else not found; integer /
/// number → the number after the property's name, else the first number in the text, else 1 (raised to any
/// <c>minimum</c>); strings are cut to any <c>maxLength</c>; boolean → false;
/// array → empty; object → filled recursively; a type list such as <c>["string","null"]</c> uses its first non-null type.
/// </summary>
public static partial class FakeOpenAiAnswers
{
    /// <summary>The answer used for required strings the text does not contain.</summary>
    public const string NotFound = "<not found>";

    private const int MaxSummaryWords = 12;

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The content the fake server answers <paramref name="request"/> with, or null when it has no usable schema.</summary>
    public static string? Answer(FakeOpenAiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Schema is not { ValueKind: JsonValueKind.Object } schema)
        {
            return null;
        }

        var user = request.UserText;
        JsonNode answer;
        if (TryGetLabelEnum(schema, out var labels))
        {
            var text = Between(user, "<text>", "</text>");
            answer = new JsonObject { ["label"] = labels.FirstOrDefault(l => Mentions(text, l)) ?? labels[0] };
        }
        else if (schema.TryGetProperty("anyOf", out var branches) && branches.ValueKind == JsonValueKind.Array && branches.GetArrayLength() > 0)
        {
            var text = Between(user, "<request>", "</request>");
            var tools = branches.EnumerateArray().ToList();
            var chosen = tools.FirstOrDefault(b => ToolName(b) is { } n && Mentions(text, n));
            chosen = chosen.ValueKind != JsonValueKind.Undefined ? chosen : tools.FirstOrDefault(b => Fillable(Arguments(b), text));
            chosen = chosen.ValueKind == JsonValueKind.Undefined ? tools[0] : chosen;
            var parameters = Arguments(chosen);
            answer = new JsonObject
            {
                ["name"] = ToolName(chosen),
                ["arguments"] = ObjectFor(parameters, text, omitMissingStrings: false) ?? new JsonObject(),
            };
        }
        else if (IsSummarySchema(schema))
        {
            var text = Between(user, "<text>", "</text>");
            var budget = AtMostWords().Match(user) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : MaxSummaryWords;
            var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(Math.Min(budget, MaxSummaryWords));
            answer = new JsonObject { ["summary"] = string.Join(' ', words) };
        }
        else
        {
            var text = Between(user, "<text>", "</text>");
            answer = ObjectFor(schema, text, omitMissingStrings: true) ?? new JsonObject();
        }

        return answer.ToJsonString(Relaxed);
    }

    private static bool TryGetLabelEnum(JsonElement schema, out List<string> labels)
    {
        labels = [];
        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
            properties.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.Object &&
            label.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            labels = [.. values.EnumerateArray().Select(v => v.ToString())];
            return true;
        }

        return false;
    }

    private static bool IsSummarySchema(JsonElement schema) =>
        schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object &&
        properties.EnumerateObject().Select(p => p.Name).SequenceEqual(["summary"]);

    private static string? ToolName(JsonElement branch) =>
        branch.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) && n.TryGetProperty("const", out var c) ? c.GetString() : null;

    private static JsonElement Arguments(JsonElement branch) =>
        branch.TryGetProperty("properties", out var p) && p.TryGetProperty("arguments", out var a) ? a : default;

    // A tool is fillable when every required string argument that has a pattern finds a matching token in the request.
    private static bool Fillable(JsonElement parameters, string text)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("properties", out var properties) ||
            !parameters.TryGetProperty("required", out var required) || required.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        return required.EnumerateArray().All(name =>
            !properties.TryGetProperty(name.GetString()!, out var property) || Pattern(property) is not { } pattern ||
            Tokens(text).Any(t => Regex.IsMatch(t, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))));
    }

    private static JsonObject? ObjectFor(JsonElement schema, string text, bool omitMissingStrings)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var required = schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet(StringComparer.Ordinal)
            : [];
        var result = new JsonObject();
        foreach (var property in properties.EnumerateObject())
        {
            var value = ValueFor(property.Value, property.Name, text, omitMissingStrings);
            if (value is null && omitMissingStrings && IsStringSchema(property.Value))
            {
                if (!required.Contains(property.Name))
                {
                    continue;
                }

                value = JsonValue.Create(NotFound);
            }

            result[property.Name] = value;
        }

        return result;
    }

    private static JsonNode? ValueFor(JsonElement schema, string name, string text, bool omitMissingStrings)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("const", out var constant))
        {
            return JsonNode.Parse(constant.GetRawText());
        }

        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
        {
            var found = values.EnumerateArray().FirstOrDefault(v => v.ValueKind == JsonValueKind.String && Mentions(text, v.GetString()!));
            return JsonNode.Parse((found.ValueKind == JsonValueKind.Undefined ? values[0] : found).GetRawText());
        }

        switch (TypeOf(schema))
        {
            case "string":
                if (schema.TryGetProperty("format", out var format) && format.GetString() == "email")
                {
                    return Email().Match(text) is { Success: true } e ? JsonValue.Create(e.Value) : null;
                }

                var token = Pattern(schema) is { } pattern
                    ? Tokens(text).FirstOrDefault(t => Regex.IsMatch(t, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
                    : LabelledToken(text, name) ?? Tokens(text).FirstOrDefault(t => t.Any(char.IsDigit));
                if (token is not null && schema.TryGetProperty("maxLength", out var maxLength) && maxLength.TryGetInt32(out var max) && token.Length > max)
                {
                    token = token[..max];
                }

                return token is null ? (omitMissingStrings ? null : JsonValue.Create(name)) : JsonValue.Create(token);
            case "integer":
                var integer = Math.Max(Minimum(schema), Number(LabelledToken(text, name)) ?? Number(FirstNumber().Match(text).Value) ?? 1);
                return JsonValue.Create((long)Math.Ceiling(integer));
            case "number":
                return JsonValue.Create(Math.Max(Minimum(schema), Number(LabelledToken(text, name)) ?? Number(FirstNumber().Match(text).Value) ?? 1));
            case "boolean":
                return JsonValue.Create(false);
            case "array":
                return new JsonArray();
            case "object":
                return ObjectFor(schema, text, omitMissingStrings) ?? new JsonObject();
            case "null":
                return null;
            default:
                return null;
        }
    }

    private static string? Pattern(JsonElement schema) =>
        schema.TryGetProperty("pattern", out var pattern) && pattern.ValueKind == JsonValueKind.String ? pattern.GetString() : null;

    private static double Minimum(JsonElement schema) =>
        schema.TryGetProperty("minimum", out var minimum) && minimum.ValueKind == JsonValueKind.Number ? minimum.GetDouble() : double.MinValue;

    private static bool IsStringSchema(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && TypeOf(schema) == "string";

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type))
        {
            return schema.TryGetProperty("properties", out _) ? "object" : null;
        }

        return type.ValueKind switch
        {
            JsonValueKind.String => type.GetString(),
            JsonValueKind.Array => type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null") ?? "null",
            _ => null,
        };
    }

    private static string? LabelledToken(string text, string name)
    {
        var words = Regex.Split(name, "[_\\-\\s]+|(?<=[a-z])(?=[A-Z])").Where(w => w.Length > 0).Select(Regex.Escape);
        var pattern = "\\b" + string.Join("[\\s_\\-]*", words) + "\\b\\s*(?:is\\s+|[:#=]\\s*)?([^\\s,;]+)";
        var match = Regex.Match(text, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        return match.Success ? match.Groups[1].Value.TrimEnd('.', '!', '?', ')', '"', '\'') : null;
    }

    private static double? Number(string? token) =>
        token is not null && double.TryParse(FirstNumber().Match(token).Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static IEnumerable<string> Tokens(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim(',', ';', '.', '!', '?', '(', ')', '"', '\'')).Where(t => t.Length > 0);

    private static bool Mentions(string text, string phrase) =>
        text.Contains(phrase, StringComparison.OrdinalIgnoreCase) ||
        text.Contains(phrase.Replace('_', ' '), StringComparison.OrdinalIgnoreCase);

    private static string Between(string text, string open, string close)
    {
        var start = text.IndexOf(open, StringComparison.Ordinal);
        var end = text.LastIndexOf(close, StringComparison.Ordinal);
        return start >= 0 && end > start ? text[(start + open.Length)..end].Trim() : text;
    }

    [GeneratedRegex("at most (\\d+) words", RegexOptions.IgnoreCase)]
    private static partial Regex AtMostWords();

    [GeneratedRegex("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex("-?\\d+(?:\\.\\d+)?")]
    private static partial Regex FirstNumber();
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Typed reads of the members of a batch line's <c>input</c> object, each failing with the field's path.</summary>
internal static class InputFields
{
    public static void RejectUnknown(JsonElement obj, string path, params string[] known)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (Array.IndexOf(known, property.Name) < 0)
            {
                throw Invalid(Join(path, property.Name),
                    $"unknown field '{property.Name}' (expected: {string.Join(", ", known)})");
            }
        }
    }

    public static JsonElement RequireObject(JsonElement parent, string path, string name)
    {
        var field = Join(path, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(field, "is required and must be an object");
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(field, $"must be an object, not {Kind(value)}");
    }

    public static string RequireText(JsonElement parent, string path, string name, int maxChars)
    {
        var field = Join(path, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(field, "is required and must be a non-empty string");
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(field, $"must be a string, not {Kind(value)}");
        }

        var text = value.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Invalid(field, "must not be empty");
        }

        if (text.Length > maxChars)
        {
            throw new InputShapeException(TaskErrorCodes.TextTooLarge, field,
                $"{field} has {text.Length:N0} characters; the limit is {maxChars:N0} (Hetero:Batch:MaxTextChars)");
        }

        return text;
    }

    public static string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(Join(path, name), $"must be a string, not {Kind(value)}");
    }

    public static int OptionalInt(JsonElement parent, string path, string name, int defaultValue, int min, int max)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return defaultValue;
        }

        var field = Join(path, name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Invalid(field, $"must be an integer, not {Describe(value)}");
        }

        return number >= min && number <= max ? number : throw Invalid(field, $"must be between {min} and {max}, not {number}");
    }

    public static JsonElement RequireArray(JsonElement parent, string path, string name)
    {
        var field = Join(path, name);
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(field, "is required and must be an array");
        }

        return value.ValueKind == JsonValueKind.Array ? value : throw Invalid(field, $"must be an array, not {Kind(value)}");
    }

    public static InputShapeException Invalid(string field, string problem) =>
        new(TaskErrorCodes.InvalidInput, field, $"{field} {problem}");

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "undefined",
    };

    public static string Describe(JsonElement value)
    {
        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Typed reads of the members of a batch line's <c>input</c> object. They check only the JSON kind (a string is a
/// string), failing with the field's path; a missing member reads as null, and what the values must be is left to
/// <see cref="TaskInputRules"/>.
/// </summary>
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

        return value.ValueKind == JsonValueKind.Object ? value : throw Invalid(field, $"must be an object, not {JsonValues.Kind(value)}");
    }

    public static string? OptionalString(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw Invalid(Join(path, name), $"must be a string, not {JsonValues.Kind(value)}");
    }

    public static int? OptionalInt(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Invalid(Join(path, name), $"must be an integer, not {JsonValues.Describe(value)}");
    }

    public static JsonElement? OptionalArray(JsonElement parent, string path, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Array ? value : throw Invalid(Join(path, name), $"must be an array, not {JsonValues.Kind(value)}");
    }

    public static List<string>? OptionalStrings(JsonElement parent, string path, string name)
    {
        if (OptionalArray(parent, path, name) is not { } array)
        {
            return null;
        }

        var field = Join(path, name);
        var values = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            values.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw Invalid(field, $"must be an array of strings; item {values.Count} is {JsonValues.Describe(item)}"));
        }

        return values;
    }

    /// <summary>A member kept as it is (a schema, checked by the rules), cloned so it outlives the line's buffer; missing reads as undefined.</summary>
    public static JsonElement Raw(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) ? value.Clone() : default;

    public static InputShapeException Invalid(string field, string problem) =>
        new(TaskErrorCodes.InvalidInput, field, $"{field} {problem}");

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}

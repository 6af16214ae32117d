using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Checks that a caller-supplied JSON schema is usable as a result schema: the keywords the workers rely on
/// have the right shape (walked recursively, so the error names the exact path), and NJsonSchema can load it
/// (which also resolves every <c>$ref</c>).
/// </summary>
internal static class SchemaChecker
{
    private const int CacheLimit = 1024;

    // Batches usually repeat a few schemas on every line: remember the last accepted ones (bounded) to skip re-checking.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Accepted = new(StringComparer.Ordinal);

    private static readonly string[] KnownTypes = ["object", "array", "string", "number", "integer", "boolean", "null"];

    public static void CheckObjectSchema(JsonElement schema, string field, bool requireProperties)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(field, $"must be a JSON schema object, not {InputFields.Kind(schema)}");
        }

        var raw = schema.GetRawText();
        if (Accepted.ContainsKey((requireProperties ? "p:" : "o:") + raw))
        {
            return;
        }

        if (schema.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "object"))
        {
            throw Invalid(field + ".type", $"must be \"object\" (the result is a JSON object), not {InputFields.Describe(type)}");
        }

        if (requireProperties && !schema.TryGetProperty("properties", out _))
        {
            throw Invalid(field + ".properties", "is required: name the fields to produce");
        }

        Walk(schema, field, depth: 0);
        try
        {
            _ = NJsonSchema.JsonSchema.FromJsonAsync(raw).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw Invalid(field, $"is not a valid JSON schema: {ex.Message}");
        }

        if (Accepted.Count >= CacheLimit)
        {
            Accepted.Clear();
        }

        Accepted.TryAdd((requireProperties ? "p:" : "o:") + raw, true);
    }

    private static void Walk(JsonElement schema, string path, int depth)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(path, $"must be a schema object or boolean, not {InputFields.Kind(schema)}");
        }

        if (depth > 64)
        {
            throw Invalid(path, "nests deeper than 64 levels");
        }

        foreach (var member in schema.EnumerateObject())
        {
            var child = $"{path}.{member.Name}";
            var value = member.Value;
            switch (member.Name)
            {
                case "type":
                    CheckType(value, child);
                    break;
                case "properties" or "$defs" or "definitions" or "patternProperties":
                    RequireKind(value, JsonValueKind.Object, child, "an object of schemas");
                    foreach (var property in value.EnumerateObject())
                    {
                        Walk(property.Value, $"{child}.{property.Name}", depth + 1);
                    }

                    break;
                case "required":
                    RequireKind(value, JsonValueKind.Array, child, "an array of property names");
                    foreach (var name in value.EnumerateArray())
                    {
                        if (name.ValueKind != JsonValueKind.String)
                        {
                            throw Invalid(child, $"must be an array of property names, but contains {InputFields.Describe(name)}");
                        }
                    }

                    break;
                case "items" or "additionalProperties" or "not" or "contains" or "propertyNames" or "additionalItems":
                    if (value.ValueKind == JsonValueKind.Array && member.Name == "items")
                    {
                        WalkAll(value, child, depth);
                    }
                    else
                    {
                        Walk(value, child, depth + 1);
                    }

                    break;
                case "anyOf" or "oneOf" or "allOf" or "prefixItems":
                    RequireKind(value, JsonValueKind.Array, child, "an array of schemas");
                    WalkAll(value, child, depth);
                    break;
                case "enum":
                    RequireKind(value, JsonValueKind.Array, child, "an array of values");
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf":
                    RequireKind(value, JsonValueKind.Number, child, "a number");
                    break;
                case "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties":
                    if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var n) || n < 0)
                    {
                        throw Invalid(child, $"must be a non-negative integer, not {InputFields.Describe(value)}");
                    }

                    break;
                case "pattern" or "format" or "$ref" or "description" or "title":
                    RequireKind(value, JsonValueKind.String, child, "a string");
                    break;
                default:
                    break;
            }
        }
    }

    private static void WalkAll(JsonElement array, string path, int depth)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            Walk(item, $"{path}[{i++}]", depth + 1);
        }
    }

    private static void CheckType(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && KnownTypes.Contains(value.GetString()))
        {
            return;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 &&
            value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && KnownTypes.Contains(t.GetString())))
        {
            return;
        }

        throw Invalid(path, $"must be one of {string.Join("|", KnownTypes)} (or an array of them), not {InputFields.Describe(value)}");
    }

    private static void RequireKind(JsonElement value, JsonValueKind kind, string path, string expected)
    {
        if (value.ValueKind != kind)
        {
            throw Invalid(path, $"must be {expected}, not {InputFields.Describe(value)}");
        }
    }

    private static InputShapeException Invalid(string field, string problem) =>
        new(TaskErrorCodes.InvalidSchema, field, $"{field} {problem}");
}

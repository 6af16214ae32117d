using System.Collections.Concurrent;
using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Checks that a caller-supplied JSON schema is usable as a result schema: the keywords the workers rely on have the
/// right shape (walked recursively, so the problem names the exact path), NJsonSchema can load it (which also resolves
/// every <c>$ref</c>), and, for extraction, it names the properties to produce. Every problem has the code
/// <see cref="TaskErrorCodes.InvalidSchema"/>.
/// </summary>
internal sealed class SchemaChecker(JsonSchemaCache compiled)
{
    private const int AcceptedLimit = 1024;
    private const int MaxDepth = 64;

    private static readonly string[] KnownTypes = ["object", "array", "string", "number", "integer", "boolean", "null"];

    // Inputs usually repeat a few schemas: remember the last accepted ones (bounded) to skip re-checking.
    private readonly ConcurrentDictionary<string, bool> _accepted = new(StringComparer.Ordinal);

    /// <summary>The first problem with <paramref name="schema"/> at <paramref name="field"/>, or null when it is usable.</summary>
    public InputProblem? CheckObjectSchema(JsonElement schema, string field, bool requireProperties)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Invalid(field, $"{field} must be a JSON schema object, not {JsonValues.Kind(schema)}");
        }

        var raw = schema.GetRawText();
        var key = (requireProperties ? "p:" : "o:") + raw;
        if (_accepted.ContainsKey(key))
        {
            return null;
        }

        if (schema.TryGetProperty("type", out var type) && !(type.ValueKind == JsonValueKind.String && type.GetString() == "object"))
        {
            return Invalid(field + ".type", $"{field} must describe an object (\"type\": \"object\"), not type {JsonValues.Describe(type)}");
        }

        var problem = Walk(schema, field, depth: 0) ?? Load(raw, field);
        if (problem is null && requireProperties && !schema.TryGetProperty("properties", out _))
        {
            problem = Invalid(field + ".properties", $"{field}.properties is required: name the fields to produce");
        }

        if (problem is null)
        {
            if (_accepted.Count >= AcceptedLimit)
            {
                _accepted.Clear();
            }

            _accepted.TryAdd(key, true);
        }

        return problem;
    }

    private InputProblem? Load(string raw, string field)
    {
        try
        {
            _ = compiled.Get(raw);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return Invalid(field, $"{field} is not a valid JSON schema: {ex.Message}");
        }
    }

    private static InputProblem? Walk(JsonElement schema, string path, int depth)
    {
        if (schema.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return null;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            return Problem(path, $"must be a schema object or boolean, not {JsonValues.Kind(schema)}");
        }

        if (depth > MaxDepth)
        {
            return Problem(path, $"nests deeper than {MaxDepth} levels");
        }

        foreach (var member in schema.EnumerateObject())
        {
            if (CheckKeyword(member.Name, member.Value, $"{path}.{member.Name}", depth) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static InputProblem? CheckKeyword(string name, JsonElement value, string child, int depth) => name switch
    {
        "type" => CheckType(value, child),
        "properties" or "$defs" or "definitions" or "patternProperties" =>
            RequireKind(value, JsonValueKind.Object, child, "an object of schemas") ?? WalkMembers(value, child, depth),
        "required" => RequireKind(value, JsonValueKind.Array, child, "an array of property names") ?? CheckNames(value, child),
        "items" when value.ValueKind == JsonValueKind.Array => WalkAll(value, child, depth),
        "items" or "additionalProperties" or "not" or "contains" or "propertyNames" or "additionalItems" => Walk(value, child, depth + 1),
        "anyOf" or "oneOf" or "allOf" or "prefixItems" => RequireKind(value, JsonValueKind.Array, child, "an array of schemas") ?? WalkAll(value, child, depth),
        "enum" => RequireKind(value, JsonValueKind.Array, child, "an array of values"),
        "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum" or "multipleOf" => RequireKind(value, JsonValueKind.Number, child, "a number"),
        "minLength" or "maxLength" or "minItems" or "maxItems" or "minProperties" or "maxProperties" =>
            value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0
                ? null
                : Problem(child, $"must be a non-negative integer, not {JsonValues.Describe(value)}"),
        "pattern" or "format" or "$ref" or "description" or "title" => RequireKind(value, JsonValueKind.String, child, "a string"),
        _ => null,
    };

    private static InputProblem? WalkMembers(JsonElement map, string path, int depth)
    {
        foreach (var property in map.EnumerateObject())
        {
            if (Walk(property.Value, $"{path}.{property.Name}", depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static InputProblem? WalkAll(JsonElement array, string path, int depth)
    {
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (Walk(item, $"{path}[{i++}]", depth + 1) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static InputProblem? CheckNames(JsonElement names, string path)
    {
        foreach (var name in names.EnumerateArray())
        {
            if (name.ValueKind != JsonValueKind.String)
            {
                return Problem(path, $"must be an array of property names, but contains {JsonValues.Describe(name)}");
            }
        }

        return null;
    }

    private static InputProblem? CheckType(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && KnownTypes.Contains(value.GetString()))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0 &&
            value.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String && KnownTypes.Contains(t.GetString())))
        {
            return null;
        }

        return Problem(path, $"must be one of {string.Join("|", KnownTypes)} (or an array of them), not {JsonValues.Describe(value)}");
    }

    private static InputProblem? RequireKind(JsonElement value, JsonValueKind kind, string path, string expected) =>
        value.ValueKind == kind ? null : Problem(path, $"must be {expected}, not {JsonValues.Describe(value)}");

    private static InputProblem Problem(string field, string problem) => Invalid(field, $"{field} {problem}");

    private static InputProblem Invalid(string field, string message) => new(field, TaskErrorCodes.InvalidSchema, message);
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Inference.Constraints;

/// <summary>Adds <c>maxLength</c> to the free-text string schemas of a schema (see <see cref="DecodingConstraintOptions.MaxStringLength"/>).</summary>
internal static class StringLengthCap
{
    private static readonly string[] Bounding = ["maxLength", "enum", "const", "pattern", "format"];

    /// <summary>Keywords whose values are data, not schemas: never rewritten.</summary>
    private static readonly string[] DataKeywords = ["enum", "const", "default", "examples"];

    /// <summary>The schema text with the cap applied; the text unchanged when it is not JSON (the compiler reports that).</summary>
    public static string Apply(string schemaJson, int maxLength)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(schemaJson);
        }
        catch (JsonException)
        {
            return schemaJson;
        }

        if (root is null || !Visit(root, maxLength))
        {
            return schemaJson;
        }

        return root.ToJsonString();
    }

    private static bool Visit(JsonNode node, int maxLength)
    {
        var changed = false;
        switch (node)
        {
            case JsonObject obj:
                if (IsFreeString(obj))
                {
                    var min = obj["minLength"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : 0;
                    obj["maxLength"] = Math.Max(min, maxLength);
                    changed = true;
                }

                foreach (var (name, child) in obj.ToList())
                {
                    if (child is not null && !DataKeywords.Contains(name, StringComparer.Ordinal))
                    {
                        changed |= Visit(child, maxLength);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        changed |= Visit(child, maxLength);
                    }
                }

                break;
        }

        return changed;
    }

    private static bool IsFreeString(JsonObject obj)
    {
        var isString = obj["type"] switch
        {
            JsonValue t when t.TryGetValue<string>(out var s) => s == "string",
            JsonArray types => types.Any(t => t is JsonValue tv && tv.TryGetValue<string>(out var s) && s == "string"),
            _ => false,
        };
        return isString && !Bounding.Any(obj.ContainsKey);
    }
}

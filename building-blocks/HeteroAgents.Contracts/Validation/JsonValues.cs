using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>How validation messages name a JSON value: its kind ("an array") or its text, shortened.</summary>
internal static class JsonValues
{
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Describe(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            return "nothing";
        }

        var raw = value.GetRawText();
        return raw.Length <= 40 ? raw : raw[..40] + "…";
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Reads the fields the semantic checks look at, tolerating results that are not objects.</summary>
internal static class ResultFields
{
    public static bool TryGetString(JsonElement result, string name, [NotNullWhen(true)] out string? value)
    {
        value = result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var field) && field.ValueKind == JsonValueKind.String
            ? field.GetString()
            : null;
        return value is not null;
    }

    public static ResultProblem NoString(string check, string name) => new(check, $"result has no string '{name}'");
}

using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>Wire (snake_case) names of contract enums, as HeteroJson writes them.</summary>
internal static class WireNames
{
    public static string ToWireName(this EscalationReason reason) =>
        JsonSerializer.Serialize(reason, HeteroJson.Options).Trim('"');
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Wire names of <see cref="EscalationReason"/> (<c>schema_invalid</c>, <c>low_confidence</c>, …), as <see cref="HeteroJson"/> writes them.</summary>
public static class EscalationReasons
{
    // Built once from the enum's JsonStringEnumMemberName attributes, so the names have one source.
    private static readonly Dictionary<EscalationReason, string> Names = Enum.GetValues<EscalationReason>()
        .ToDictionary(r => r, r => JsonSerializer.Serialize(r, HeteroJson.Options).Trim('"'));

    /// <summary>The wire name used in batch output, metrics and logs.</summary>
    public static string ToWireName(this EscalationReason reason) =>
        Names.TryGetValue(reason, out var name) ? name : throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown escalation reason.");
}

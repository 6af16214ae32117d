using System.Text.Json;
using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Orchestrator.Recording;

/// <summary>
/// Reads the escalation a frontier outcome of contract version 1 carried in transport headers (version 2 carries it in
/// <see cref="TaskCompleted.Escalation"/> / <see cref="TaskFailed.Escalation"/>), so that outcomes published before an
/// upgrade are still recorded with their <c>escalation</c> object.
/// </summary>
internal static class EscalationHeadersV1
{
    /// <summary>The SLM's escalation reason (wire name, e.g. <c>low_confidence</c>).</summary>
    public const string Reason = "Hetero-Escalation-Reason";

    /// <summary>The SLM's escalation detail.</summary>
    public const string Detail = "Hetero-Escalation-Detail";

    /// <summary>The escalation of a version-1 frontier outcome (resolved = the outcome is a <see cref="TaskCompleted"/>), or null.</summary>
    public static EscalationInfo? Read(ConsumeContext context, bool resolved)
    {
        var reason = context.Headers.Get<string>(Reason);
        if (string.IsNullOrEmpty(reason))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<EscalationReason>("\"" + reason + "\"", HeteroJson.Options);
            return new EscalationInfo(parsed, context.Headers.Get<string>(Detail) ?? string.Empty, resolved);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

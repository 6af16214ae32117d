using System.Text.Json;
using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Plugins;

/// <summary>
/// Headers <see cref="FrontierEscalationConsumer"/> puts on the <see cref="TaskCompleted"/> / <see cref="TaskFailed"/> it
/// publishes, so a result recorder can write the batch line's <c>escalation</c> object (reason, detail, resolved)
/// without a contract change.
/// </summary>
public static class FrontierEscalationHeaders
{
    /// <summary>The SLM's escalation reason (wire name, e.g. <c>low_confidence</c>).</summary>
    public const string Reason = "Hetero-Escalation-Reason";

    /// <summary>The SLM's escalation detail.</summary>
    public const string Detail = "Hetero-Escalation-Detail";

    /// <summary>Reads the escalation a frontier outcome resolved (resolved = the outcome is a <see cref="TaskCompleted"/>).</summary>
    public static bool TryGetEscalation(ConsumeContext context, bool resolved, out EscalationInfo? escalation)
    {
        ArgumentNullException.ThrowIfNull(context);
        escalation = null;
        var reason = context.Headers.Get<string>(Reason);
        if (string.IsNullOrEmpty(reason))
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<EscalationReason>("\"" + reason + "\"", HeteroJson.Options);
            escalation = new EscalationInfo(parsed, context.Headers.Get<string>(Detail) ?? string.Empty, resolved);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    internal static void Set(SendContext context, TaskEscalated escalated)
    {
        context.Headers.Set(Reason, escalated.Reason.ToWireName());
        context.Headers.Set(Detail, escalated.Detail);
    }
}

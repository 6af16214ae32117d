namespace HeteroAgents.Contracts;

/// <summary>The escalation part of a batch output line.</summary>
/// <param name="Reason">Why the SLM escalated.</param>
/// <param name="Detail">The failed check, in words.</param>
/// <param name="Resolved">Whether the frontier model resolved it (then <c>served_by</c> names the frontier model).</param>
public sealed record EscalationInfo(EscalationReason Reason, string Detail, bool Resolved);

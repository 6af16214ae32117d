using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Routing;

/// <summary>What the confidence gate decided for one answer.</summary>
/// <param name="Escalate">Whether the answer is escalated with <c>low_confidence</c>.</param>
/// <param name="Detail">Why, naming the check, the confidence, the threshold and where it was set; null when completed.</param>
/// <param name="Routing">What the outcome echoes.</param>
public sealed record GateDecision(bool Escalate, string? Detail, RoutingInfo Routing);

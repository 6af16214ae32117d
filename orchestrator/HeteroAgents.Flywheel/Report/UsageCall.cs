namespace HeteroAgents.Flywheel;

/// <summary>One counted call, normalized from a batch output line or a logged frontier call.</summary>
internal sealed record UsageCall(UsageOutcome Outcome, string? EscalationReason, long? LatencyMs, long InputTokens, long OutputTokens, decimal? Cost, decimal? BaselineCost);

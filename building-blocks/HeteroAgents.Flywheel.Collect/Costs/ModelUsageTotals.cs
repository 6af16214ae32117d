namespace HeteroAgents.Flywheel;

/// <summary>Usage and cost totals of one model.</summary>
/// <param name="Model">The model id.</param>
/// <param name="Calls">Number of calls.</param>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
/// <param name="CostUsd">Estimated cost of the priced calls.</param>
/// <param name="UnpricedCalls">Calls whose model had no configured price (not in <paramref name="CostUsd"/>).</param>
public sealed record ModelUsageTotals(string Model, long Calls, long InputTokens, long OutputTokens, decimal CostUsd, long UnpricedCalls);

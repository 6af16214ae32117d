namespace HeteroAgents.Contracts;

/// <summary>A value that its source does not contain.</summary>
/// <param name="Kind">How the value was compared (as text, number or date).</param>
/// <param name="Explanation">Why it did not match, e.g. <c>does not appear among the source's numbers (the source's numbers: €120.00, 3)</c>.</param>
public sealed record GroundingMiss(GroundingKind Kind, string Explanation);

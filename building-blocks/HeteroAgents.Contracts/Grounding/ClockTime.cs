namespace HeteroAgents.Contracts;

/// <summary>A time of day to the minute.</summary>
/// <param name="Hour">0..23.</param>
/// <param name="Minute">0..59.</param>
public readonly record struct ClockTime(int Hour, int Minute);

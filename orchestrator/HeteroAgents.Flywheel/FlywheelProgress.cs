namespace HeteroAgents.Flywheel;

/// <summary>Progress of a conversion-loop step, for progress bars.</summary>
/// <param name="Stage">What is being done, e.g. <c>scrub</c>, <c>cluster</c>, <c>export</c>, <c>eval</c>.</param>
/// <param name="Done">Items done so far.</param>
/// <param name="Total">Items in all, when known.</param>
public sealed record FlywheelProgress(string Stage, long Done, long? Total);

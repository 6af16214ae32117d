namespace HeteroAgents.Flywheel;

/// <summary>What <see cref="FlywheelScrubber.ScrubFileAsync"/> did.</summary>
/// <param name="Records">Records read and written.</param>
/// <param name="RecordsChanged">Records in which something was replaced.</param>
/// <param name="Replacements">Replacements by type.</param>
/// <param name="OutputPath">The file written.</param>
public sealed record ScrubSummary(long Records, long RecordsChanged, IReadOnlyDictionary<PiiType, long> Replacements, string OutputPath)
{
    /// <summary>All replacements.</summary>
    public long TotalReplacements => Replacements.Values.Sum();
}

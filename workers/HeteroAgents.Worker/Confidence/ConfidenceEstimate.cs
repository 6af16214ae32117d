namespace HeteroAgents.Worker.Confidence;

/// <summary>A task's confidence, where it came from, and the confidence of each value of the answer.</summary>
/// <param name="Value">The task's confidence in [0, 1], or null when unknown.</param>
/// <param name="Source">Where it came from, one of <see cref="ConfidenceSources"/>.</param>
/// <param name="Fields">The confidence of each value by path (<c>$.order_id</c>), when the tokens could be placed on the values.</param>
public sealed record ConfidenceEstimate(double? Value, string Source, IReadOnlyDictionary<string, double>? Fields = null)
{
    /// <summary>No confidence: the backend reported no probabilities.</summary>
    public static ConfidenceEstimate Unknown { get; } = new(null, ConfidenceSources.Unknown);
}

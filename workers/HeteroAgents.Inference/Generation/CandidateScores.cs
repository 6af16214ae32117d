namespace HeteroAgents.Inference.Generation;

/// <summary>Scores of a fixed set of candidate completions, in the order given.</summary>
public sealed record CandidateScores
{
    /// <summary>Natural-log probability of each candidate's full token sequence given the prompt.</summary>
    public required IReadOnlyList<double> LogProbabilities { get; init; }

    /// <summary>The candidates' probabilities normalized over the set (they sum to 1).</summary>
    public required IReadOnlyList<double> Probabilities { get; init; }

    /// <summary>Index of the most probable candidate.</summary>
    public int Best => Probabilities.Select((p, i) => (p, i)).MaxBy(x => x.p).i;
}

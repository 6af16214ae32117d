namespace HeteroAgents.Inference.Generation;

/// <summary>Scores of a fixed set of candidate completions, in the order given.</summary>
public sealed record CandidateScores
{
    /// <summary>Natural-log probability of each candidate's full token sequence given the prompt.</summary>
    public required IReadOnlyList<double> LogProbabilities { get; init; }

    /// <summary>The candidates' probabilities normalized over the set (they sum to 1).</summary>
    public required IReadOnlyList<double> Probabilities { get; init; }

    /// <summary>
    /// Each candidate's per-token natural-log probabilities (the model's own, over the whole vocabulary), in order;
    /// empty when the runtime does not report them.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<double>> TokenLogProbabilities { get; init; } = [];

    /// <summary>Index of the most probable candidate.</summary>
    public int Best => Probabilities.Select((p, i) => (p, i)).MaxBy(x => x.p).i;

    /// <summary>Builds the scores from each candidate's per-token log-probabilities (sums and normalization derived).</summary>
    public static CandidateScores FromTokenLogProbabilities(IReadOnlyList<IReadOnlyList<double>> tokenLogProbabilities)
    {
        ArgumentNullException.ThrowIfNull(tokenLogProbabilities);
        var logProbs = tokenLogProbabilities.Select(t => t.Sum()).ToArray();
        var max = logProbs.Max();
        var weights = logProbs.Select(l => Math.Exp(l - max)).ToArray();
        var sum = weights.Sum();
        return new CandidateScores
        {
            LogProbabilities = logProbs,
            Probabilities = [.. weights.Select(w => w / sum)],
            TokenLogProbabilities = tokenLogProbabilities,
        };
    }
}

namespace HeteroAgents.Worker.Options;

/// <summary>How a worker turns token log-probabilities into one confidence value.</summary>
public enum LogProbConfidence
{
    /// <summary>The smallest probability of any generated token.</summary>
    MinTokenProbability,

    /// <summary>The geometric mean of the generated tokens' probabilities: exp(sum of log-probabilities / token count).</summary>
    MeanTokenProbability,
}

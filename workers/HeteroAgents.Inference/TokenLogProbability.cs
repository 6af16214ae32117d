namespace HeteroAgents.Inference;

/// <summary>One generated token as a backend reports it under <see cref="ChatResponseProperties.TokenLogProbabilities"/>.</summary>
/// <param name="Text">The text the token contributed to the response (empty while a multi-byte character is incomplete).</param>
/// <param name="LogProbability">Its natural-log probability.</param>
public readonly record struct TokenLogProbability(string Text, double LogProbability);

namespace HeteroAgents.Inference.Generation;

/// <summary>One generated token as streamed.</summary>
/// <param name="TokenId">The token id.</param>
/// <param name="TextDelta">Text that became final with this token (may be empty while a multi-byte character or a possible stop sequence is pending).</param>
/// <param name="LogProbability">Natural-log probability of the token under the model (after the constraint mask, at temperature 1).</param>
/// <param name="FinishReason">Set on the last step only.</param>
public readonly record struct GenerationStep(int TokenId, string TextDelta, double LogProbability, GenerationFinishReason? FinishReason)
{
    /// <summary>
    /// Natural-log probability of the token under the model's own distribution, before the constraint mask
    /// (temperature 1); equal to <see cref="LogProbability"/> without a constraint, NaN when not recorded.
    /// </summary>
    public double RawLogProbability { get; init; } = double.NaN;
}

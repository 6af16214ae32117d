namespace HeteroAgents.Inference.Batching;

/// <summary>What continuous batching has done since the model was loaded.</summary>
/// <param name="DecodeSteps">Batched decode passes run.</param>
/// <param name="RowSteps">Tokens decoded by those passes (sum of their batch sizes).</param>
/// <param name="PeakKvBytes">Largest KV of the running batch (rows × longest row × bytes per token, all buffers).</param>
/// <param name="KvBudgetBytes">The configured KV budget of the batch.</param>
/// <param name="MaxBatchSize">Most sequences decoded together.</param>
public readonly record struct BatchStatistics(long DecodeSteps, long RowSteps, long PeakKvBytes, long KvBudgetBytes, int MaxBatchSize)
{
    /// <summary>Average sequences per decode pass.</summary>
    public double MeanBatchSize => DecodeSteps == 0 ? 0 : (double)RowSteps / DecodeSteps;
}

namespace HeteroAgents.Inference.Batching;

/// <summary>What continuous batching has done since the model was loaded.</summary>
/// <param name="DecodeSteps">Batched decode passes run.</param>
/// <param name="RowSteps">Tokens decoded by those passes (sum of their batch sizes).</param>
/// <param name="PeakKvBytes">Most native bytes the running batch's KV buffers held (allocated rows × capacity × bytes per token, all buffers).</param>
/// <param name="KvBudgetBytes">The configured KV budget of the batch.</param>
/// <param name="MaxBatchSize">Most sequences decoded together.</param>
/// <param name="KvBytes">Native bytes the batch's KV buffers hold now (0 once the batch is empty: they are freed).</param>
public readonly record struct BatchStatistics(long DecodeSteps, long RowSteps, long PeakKvBytes, long KvBudgetBytes, int MaxBatchSize, long KvBytes = 0)
{
    /// <summary>Average sequences per decode pass.</summary>
    public double MeanBatchSize => DecodeSteps == 0 ? 0 : (double)RowSteps / DecodeSteps;
}

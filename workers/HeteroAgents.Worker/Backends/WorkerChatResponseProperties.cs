namespace HeteroAgents.Worker.Backends;

/// <summary>Keys of <c>ChatResponse.AdditionalProperties</c> added by the worker's own stages (beyond <c>HeteroAgents.Inference.ChatResponseProperties</c>).</summary>
public static class WorkerChatResponseProperties
{
    /// <summary>An <see cref="int"/>: how many generated tokens the log-probabilities cover.</summary>
    public const string LogProbTokenCount = "hetero.logprob_token_count";
}

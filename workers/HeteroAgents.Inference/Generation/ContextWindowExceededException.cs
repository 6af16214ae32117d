namespace HeteroAgents.Inference.Generation;

/// <summary>The prompt (plus any tokens it must leave room for) does not fit in the model's context window.</summary>
public sealed class ContextWindowExceededException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContextWindowExceededException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ContextWindowExceededException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ContextWindowExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming the sizes involved.</summary>
    public ContextWindowExceededException(int promptTokens, int contextWindow)
        : base($"The prompt has {promptTokens} tokens but the model's context window is {contextWindow} tokens (config.json max_position_embeddings); shorten the input.")
    {
        PromptTokens = promptTokens;
        ContextWindow = contextWindow;
    }

    /// <summary>Number of prompt tokens.</summary>
    public int PromptTokens { get; }

    /// <summary>The model's context window in tokens.</summary>
    public int ContextWindow { get; }
}

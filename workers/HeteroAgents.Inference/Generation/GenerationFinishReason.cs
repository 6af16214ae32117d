namespace HeteroAgents.Inference.Generation;

/// <summary>Why generation ended.</summary>
public enum GenerationFinishReason
{
    /// <summary>An end-of-sequence or end-of-turn token was generated, or the constraint was complete.</summary>
    Stop,

    /// <summary>A stop sequence appeared in the text.</summary>
    StopSequence,

    /// <summary>The token limit (or the context window) was reached.</summary>
    Length,
}

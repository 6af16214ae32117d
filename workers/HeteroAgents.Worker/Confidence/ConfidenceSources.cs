namespace HeteroAgents.Worker.Confidence;

/// <summary>Where a task's confidence came from (<see cref="ConfidenceEstimate.Source"/>, echoed as <c>routing.confidence_source</c>).</summary>
public static class ConfidenceSources
{
    /// <summary>The backend's own confidence (<c>hetero.confidence</c>), e.g. the in-process exact candidate scoring of a classify task's labels: the normalized probability of the chosen label.</summary>
    public const string Backend = "backend";

    /// <summary>Classify: the probability of the label's tokens (their log-probabilities summed), from a server that reports token log-probabilities.</summary>
    public const string LabelTokens = "label_tokens";

    /// <summary>Extract, tool call: one confidence per value from its tokens' probabilities; the task's is the weakest value's.</summary>
    public const string ValueTokens = "value_tokens";

    /// <summary>The whole response's token probabilities (when the tokens cannot be placed on the values).</summary>
    public const string ResponseTokens = "response_tokens";

    /// <summary>Summarize: the summary's faithfulness to its source (the grounding score).</summary>
    public const string Grounding = "grounding";

    /// <summary>No probabilities: the backend reported none. The routing policy's <c>unknown_confidence</c> decides.</summary>
    public const string Unknown = "unknown";
}

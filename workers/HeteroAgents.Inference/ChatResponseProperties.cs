namespace HeteroAgents.Inference;

/// <summary>
/// Keys of <c>ChatResponse.AdditionalProperties</c> through which HeteroAgents chat clients report what
/// <c>Microsoft.Extensions.AI</c> has no field for. Workers read them to compute confidence.
/// </summary>
public static class ChatResponseProperties
{
    /// <summary>A <see cref="double"/> in [0, 1]: the backend's confidence in the whole response (e.g. normalized label probability).</summary>
    public const string Confidence = "hetero.confidence";

    /// <summary>A <see cref="double"/>: the sum of the natural-log probabilities of the generated tokens.</summary>
    public const string SequenceLogProbability = "hetero.sequence_logprob";

    /// <summary>A <see cref="double"/> in [0, 1]: the smallest probability of any generated token.</summary>
    public const string MinTokenProbability = "hetero.min_token_prob";

    /// <summary>
    /// An <c>IReadOnlyList&lt;TokenLogProbability&gt;</c>: every generated token's text and log-probability, in order;
    /// their texts concatenate to the response text. The log-probability is the model's own, before any constraint
    /// mask (what the model wanted to write, not what it was let write), so a model that does not understand the task
    /// shows it even when the constraint forces a valid answer. Workers map the tokens onto the answer's JSON values to
    /// get a confidence per value.
    /// </summary>
    public const string TokenLogProbabilities = "hetero.token_logprobs";

    /// <summary>
    /// A <see cref="double"/> in [0, 1], set when a structured result was chosen by exact candidate scoring (a classify
    /// task's <c>{"label": ...}</c>): the probability the model itself gave the chosen result's own tokens — those after
    /// the text every candidate shares, closing quote and brace included — over its whole vocabulary. Unlike the
    /// normalized <see cref="Confidence"/>, it stays low when the model does not want to write any of the candidates.
    /// </summary>
    public const string LabelProbability = "hetero.label_prob";
}

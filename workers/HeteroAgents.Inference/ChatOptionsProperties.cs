namespace HeteroAgents.Inference;

/// <summary>Keys of <c>ChatOptions.AdditionalProperties</c> that HeteroAgents chat clients understand.</summary>
public static class ChatOptionsProperties
{
    /// <summary>
    /// An <c>IEnumerable&lt;string&gt;</c> of candidate completions (e.g. the labels of a classify task). When set, the
    /// client answers with the most probable candidate, scored exactly over the whole set, and reports its normalized
    /// probability as <see cref="ChatResponseProperties.Confidence"/>.
    /// </summary>
    public const string Candidates = "hetero.candidates";
}

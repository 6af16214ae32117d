namespace HeteroAgents.Contracts;

/// <summary>
/// The routing settings of one task type in a <see cref="RoutingPolicy"/> (under <c>defaults</c> or a workload). A
/// setting left out is taken from the level above: workload → policy defaults → <see cref="RoutingPolicy.BuiltIn"/>.
/// </summary>
/// <param name="MinConfidence"><c>min_confidence</c>: the confidence an answer needs to be completed, in [0, 1]; 0 completes whatever the confidence.</param>
/// <param name="UnknownConfidence"><c>unknown_confidence</c>: what happens when the confidence is unknown.</param>
/// <param name="AuditShare"><c>audit_share</c>: the share of completed answers also answered by the frontier model to measure agreement, in [0, 1].</param>
/// <param name="Model"><c>model</c>: the SLM that answers these tasks (a model id an OpenAI-compatible server serves, e.g. a LoRA
/// adapter's name); left out everywhere: the worker's configured model. Written by <c>hetero models promote</c>.</param>
/// <param name="Examples"><c>examples</c>: how many of the workload's most similar scrubbed frontier answers go into the
/// SLM prompt as in-context examples (0 to <see cref="MaxExamples"/>; 0, the built-in: none). Opt-in.</param>
public sealed record RoutingRule(double? MinConfidence = null, UnknownConfidenceAction? UnknownConfidence = null, double? AuditShare = null, string? Model = null, int? Examples = null)
{
    /// <summary>The most in-context examples a rule may ask for.</summary>
    public const int MaxExamples = 16;

    /// <summary>This rule's settings, each taken from <paramref name="fallback"/> where this one leaves it out.</summary>
    public RoutingRule Over(RoutingRule fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new(MinConfidence ?? fallback.MinConfidence, UnknownConfidence ?? fallback.UnknownConfidence, AuditShare ?? fallback.AuditShare, Model ?? fallback.Model, Examples ?? fallback.Examples);
    }
}

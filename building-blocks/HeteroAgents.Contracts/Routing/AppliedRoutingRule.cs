namespace HeteroAgents.Contracts;

/// <summary>The routing settings that apply to one task: every setting resolved, with where the threshold came from.</summary>
/// <param name="PolicyVersion">The policy's <c>version</c>.</param>
/// <param name="Workload">The task's workload id, when it has one.</param>
/// <param name="MinConfidence">The confidence needed to complete, in [0, 1].</param>
/// <param name="UnknownConfidence">What happens when the confidence is unknown.</param>
/// <param name="AuditShare">The share of completed answers to audit, in [0, 1].</param>
/// <param name="Model">The SLM the policy names for these tasks (<c>model</c>); null: the worker's configured model.</param>
/// <param name="Examples">How many in-context examples go into the SLM prompt (0: none).</param>
/// <param name="MinConfidenceKey">Where <paramref name="MinConfidence"/> was set, e.g. <c>workloads.invoices.extract.min_confidence</c>, <c>defaults.classify.min_confidence</c> or <c>built-in</c>.</param>
public sealed record AppliedRoutingRule(
    string PolicyVersion,
    string? Workload,
    double MinConfidence,
    UnknownConfidenceAction UnknownConfidence,
    double AuditShare,
    string MinConfidenceKey,
    string? Model = null,
    int Examples = 0);

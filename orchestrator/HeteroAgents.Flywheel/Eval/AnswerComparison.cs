namespace HeteroAgents.Flywheel;

/// <summary>How an SLM answer compares with the frontier answer.</summary>
/// <param name="Counted">Whether the comparison counts towards agreement (summaries are reported, not counted).</param>
/// <param name="Agree">Whether the answers agree under the task type's rule.</param>
/// <param name="FieldAgreement">For extract: the share of top-level fields with equal values.</param>
/// <param name="Detail">What differed, in words; empty when they agree.</param>
public sealed record AnswerComparison(bool Counted, bool Agree, double? FieldAgreement, string Detail);

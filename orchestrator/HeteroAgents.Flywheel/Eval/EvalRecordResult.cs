namespace HeteroAgents.Flywheel;

/// <summary>One replayed held-out record.</summary>
/// <param name="RecordId">The logged call.</param>
/// <param name="ClusterId">Its cluster.</param>
/// <param name="Comparison">How the SLM answer compares with the frontier answer.</param>
/// <param name="Confidence">The SLM's reported confidence (<c>hetero.confidence</c>), when reported.</param>
/// <param name="SlmOutput">The SLM's answer.</param>
/// <param name="Error">The replay's failure, when the SLM call threw (then the record counts as disagreeing).</param>
public sealed record EvalRecordResult(string RecordId, string ClusterId, AnswerComparison Comparison, double? Confidence, string? SlmOutput, string? Error);

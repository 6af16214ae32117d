namespace HeteroAgents.Contracts;

/// <summary>
/// How a worker routed an SLM answer, echoed on its outcome and in the batch output line (<c>routing</c>): the policy,
/// the threshold applied, where the confidence came from, and the confidence of each value of the answer.
/// </summary>
/// <param name="PolicyVersion">The routing policy's version (<see cref="RoutingPolicy.Version"/>).</param>
/// <param name="Workload">The task's workload id, when it has one.</param>
/// <param name="Threshold">The <c>min_confidence</c> applied; null when the gate is off (<c>Hetero:Worker:ConfidenceThreshold=0</c>).</param>
/// <param name="ConfidenceSource">Where the confidence came from: <c>backend</c>, <c>label_tokens</c>, <c>value_tokens</c>, <c>response_tokens</c>, <c>grounding</c> or <c>unknown</c>.</param>
/// <param name="FieldConfidence">The confidence of each value of the answer by path (<c>$.order_id</c>), when the backend reported token probabilities.</param>
/// <param name="Audit">Whether the policy's <c>audit_share</c> picked this completed answer to be answered by the frontier model too.</param>
public sealed record RoutingInfo(
    string PolicyVersion,
    string? Workload,
    double? Threshold,
    string ConfidenceSource,
    IReadOnlyDictionary<string, double>? FieldConfidence,
    bool Audit = false);

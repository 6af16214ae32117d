namespace HeteroAgents.Flywheel;

/// <summary>One candidate workload found by <see cref="WorkloadClusterer"/>.</summary>
/// <param name="Id">Stable id: <c>&lt;task&gt;-&lt;schema fingerprint, 8 hex&gt;-&lt;6 hex of the cluster's first record id&gt;</c>.</param>
/// <param name="TaskType">The task type's wire name (<c>unknown</c> when the calls named none).</param>
/// <param name="SchemaFingerprint">Fingerprint of the response schema shared by the cluster (<c>none</c> for free text).</param>
/// <param name="Size">Logged calls in the cluster, plus escalations no logged frontier call resolved.</param>
/// <param name="Answered">Calls that answered (usable as training examples).</param>
/// <param name="Escalated">SLM escalations: calls that resolved one, plus unresolved ones.</param>
/// <param name="EscalationRate"><paramref name="Escalated"/> over <paramref name="Size"/>.</param>
/// <param name="EscalationsByReason">Escalated calls by reason wire name.</param>
/// <param name="ReadyToFineTune">Whether <paramref name="Answered"/> reaches <see cref="ClusteringOptions.MinExamplesToFineTune"/>.</param>
/// <param name="WorkloadIds">The distinct workload ids the calls named, most frequent first.</param>
/// <param name="ExamplePrompts">A few user prompts, shortened.</param>
/// <param name="Unresolved">Escalations no logged frontier call resolved (no answer, so no training example).</param>
public sealed record ClusterReport(
    string Id,
    string TaskType,
    string SchemaFingerprint,
    int Size,
    int Answered,
    int Escalated,
    double EscalationRate,
    IReadOnlyDictionary<string, int> EscalationsByReason,
    bool ReadyToFineTune,
    IReadOnlyList<string> WorkloadIds,
    IReadOnlyList<string> ExamplePrompts,
    int Unresolved = 0);

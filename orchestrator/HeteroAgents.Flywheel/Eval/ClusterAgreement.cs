namespace HeteroAgents.Flywheel;

/// <summary>Agreement of the SLM with the frontier answers on one cluster's held-out records.</summary>
/// <param name="ClusterId">The cluster.</param>
/// <param name="TaskType">Its task type.</param>
/// <param name="Replayed">Held-out records replayed.</param>
/// <param name="Counted">Replays that count (summaries do not).</param>
/// <param name="Agreed">Counted replays that agree.</param>
/// <param name="Agreement"><paramref name="Agreed"/> over <paramref name="Counted"/> (null when nothing counts).</param>
/// <param name="MeanFieldAgreement">For extract: the mean share of equal fields.</param>
/// <param name="Errors">Replays whose SLM call failed.</param>
/// <param name="WithoutConfidence">Replays whose response reported no confidence.</param>
/// <param name="Threshold">The confidence threshold reaching the target agreement, or null when none does.</param>
/// <param name="ReadyToMove">Whether the SLM reaches the target agreement on all counted records (no threshold needed).</param>
public sealed record ClusterAgreement(
    string ClusterId,
    string TaskType,
    int Replayed,
    int Counted,
    int Agreed,
    double? Agreement,
    double? MeanFieldAgreement,
    int Errors,
    int WithoutConfidence,
    ConfidenceThreshold? Threshold,
    bool ReadyToMove);

namespace HeteroAgents.Flywheel;

/// <summary>The result of <see cref="FlywheelEvaluator"/>.</summary>
/// <param name="TargetAgreement">The target agreement.</param>
/// <param name="Clusters">Agreement per cluster, largest first.</param>
/// <param name="Records">Every replayed record.</param>
public sealed record EvalReport(double TargetAgreement, IReadOnlyList<ClusterAgreement> Clusters, IReadOnlyList<EvalRecordResult> Records);

using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>The outcome of <see cref="PolicyCalibrator.Calibrate"/>.</summary>
/// <param name="Policy">The policy to write (the input policy with the calibrated thresholds and the new version).</param>
/// <param name="Rows">One row per workload and task type with samples.</param>
public sealed record CalibrationResult(RoutingPolicy Policy, IReadOnlyList<CalibrationRow> Rows);

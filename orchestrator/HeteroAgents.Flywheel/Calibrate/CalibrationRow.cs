using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>What calibration decided for one workload and task type.</summary>
/// <param name="Workload">The workload id (null: tasks without one, whose rule is under <c>defaults</c>).</param>
/// <param name="Type">The task type.</param>
/// <param name="Samples">Calibration samples.</param>
/// <param name="Before">The threshold in force before, on the samples.</param>
/// <param name="After">The threshold written, on the samples (equal to <paramref name="Before"/> when kept).</param>
/// <param name="Changed">Whether the policy's threshold changed.</param>
/// <param name="Reason">Why, in words (e.g. below the minimum sample count: kept).</param>
public sealed record CalibrationRow(string? Workload, TaskType Type, int Samples, ThresholdPoint Before, ThresholdPoint After, bool Changed, string Reason);

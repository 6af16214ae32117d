using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of <see cref="PolicyCalibrator"/> (<c>hetero flywheel calibrate</c>), bound from <c>Hetero:Flywheel:Calibrate</c>.</summary>
public sealed class CalibrationOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Calibrate";

    /// <summary>The agreement the completed answers must reach, as the Wilson lower bound (95%) of the measured agreement. Default 0.95.</summary>
    [Range(0.0, 1.0)]
    public double TargetAgreement { get; set; } = 0.95;

    /// <summary>Fewer samples than this for a workload and task type: its threshold is left as it is. Default 30.</summary>
    [Range(1, int.MaxValue)]
    public int MinSamples { get; set; } = 30;

    /// <summary>Share of logged frontier answers held out as the eval split (the export's rule, <see cref="DatasetSplit"/>); 1 uses every answer. Default 0.1.</summary>
    [Range(0.0, 1.0)]
    public double EvalFraction { get; set; } = DatasetSplit.DefaultEvalFraction;
}

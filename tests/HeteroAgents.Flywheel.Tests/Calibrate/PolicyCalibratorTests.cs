using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel.Tests.Calibrate;

public sealed class PolicyCalibratorTests
{
    private static readonly RoutingPolicy Current = RoutingPolicyReader.Read("""
        {"version": "v1", "workloads": {"tickets": {"classify": {"audit_share": 0.1, "model": "slm-v1"}}}}
        """);

    [Fact]
    public void The_threshold_of_a_workload_with_enough_evidence_changes_and_its_other_settings_stay()
    {
        var samples = Right("tickets", 80, 0.5).Concat(Wrong("tickets", 20, 0.2)).ToList();

        var result = PolicyCalibrator.Calibrate(Current, samples, new CalibrationOptions(), "v2");

        var row = Assert.Single(result.Rows);
        Assert.True(row.Changed);
        Assert.Equal(0.7, row.Before.Threshold);
        Assert.Equal(0, row.Before.Kept);
        Assert.Equal(0.5, row.After.Threshold, 4);
        Assert.Equal("v2", result.Policy.Version);
        Assert.Equal(new RoutingRule(0.5, null, 0.1, "slm-v1"), result.Policy.RuleAt("tickets", TaskType.Classify));
    }

    [Fact]
    public void Below_the_minimum_sample_count_the_threshold_is_kept_and_the_row_says_so()
    {
        var samples = Right("billing", 10, 0.5).ToList();

        var result = PolicyCalibrator.Calibrate(Current, samples, new CalibrationOptions { MinSamples = 30 }, "v2");

        var row = Assert.Single(result.Rows);
        Assert.False(row.Changed);
        Assert.Contains("10 samples, fewer than the minimum 30: kept 0.7 (built-in)", row.Reason, StringComparison.Ordinal);
        Assert.Null(result.Policy.RuleAt("billing", TaskType.Classify));
    }

    [Fact]
    public void When_no_threshold_reaches_the_target_the_threshold_is_kept()
    {
        var samples = Right("tickets", 40, 0.5).Concat(Wrong("tickets", 40, 0.6)).ToList();

        var result = PolicyCalibrator.Calibrate(Current, samples, new CalibrationOptions(), "v2");

        Assert.False(Assert.Single(result.Rows).Changed);
        Assert.Contains("no threshold", result.Rows[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_rejected_naming_the_field()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyCalibrator.Calibrate(Current, [], new CalibrationOptions { TargetAgreement = 1.5 }, "v2"));
        Assert.Contains("TargetAgreement", ex.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<CalibrationSample> Right(string workload, int n, double from) =>
        Enumerable.Range(0, n).Select(i => new CalibrationSample(workload, TaskType.Classify, from + (i * 0.001), true, "logged", $"r{workload}{i}"));

    private static IEnumerable<CalibrationSample> Wrong(string workload, int n, double from) =>
        Enumerable.Range(0, n).Select(i => new CalibrationSample(workload, TaskType.Classify, from + (i * 0.001), false, "logged", $"w{workload}{i}"));
}

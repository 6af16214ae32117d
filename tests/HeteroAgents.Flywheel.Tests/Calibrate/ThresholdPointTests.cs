using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel.Tests.Calibrate;

public sealed class ThresholdPointTests
{
    [Theory]
    [InlineData(0, 0, 0.0)]
    [InlineData(10, 10, 0.7225)]
    [InlineData(73, 73, 0.95)]
    [InlineData(95, 100, 0.8883)]
    public void The_Wilson_lower_bound_matches_the_formula(int successes, int trials, double expected)
    {
        Assert.Equal(expected, WilsonInterval.LowerBound(successes, trials), 3);
    }

    [Fact]
    public void The_best_threshold_is_the_lowest_whose_kept_answers_reach_the_target_lower_bound()
    {
        // 80 right answers at 0.5-0.65, 20 wrong ones at 0.2-0.35, 50 without a confidence (failed a check).
        var samples = Enumerable.Range(0, 80).Select(i => Sample(0.5 + (i * 0.15 / 80), true))
            .Concat(Enumerable.Range(0, 20).Select(i => Sample(0.2 + (i * 0.15 / 20), false)))
            .Concat(Enumerable.Range(0, 50).Select(_ => Sample(null, false)))
            .ToList();

        var best = ThresholdPoint.Best(samples, 0.95)!;

        Assert.Equal(0.5, best.Threshold, 6);
        Assert.Equal(80, best.Kept);
        Assert.Equal(80, best.Agreed);
        Assert.Equal(80.0 / 150, best.SlmShare, 6);
        Assert.True(best.AgreementLowerBound >= 0.95);
    }

    [Fact]
    public void No_threshold_reaches_a_target_that_too_few_samples_cannot_support()
    {
        var samples = Enumerable.Range(0, 20).Select(i => Sample(0.9, true)).ToList();

        Assert.Null(ThresholdPoint.Best(samples, 0.95)); // 20/20 has a lower bound of 0.84
        Assert.NotNull(ThresholdPoint.Best(samples, 0.8));
    }

    [Fact]
    public void A_threshold_is_written_cut_not_rounded_up()
    {
        Assert.Equal(0.8955, ThresholdPoint.ForPolicy(0.895599));
        Assert.True(ThresholdPoint.ForPolicy(0.895599) <= 0.895599);
    }

    private static CalibrationSample Sample(double? confidence, bool agree) =>
        new("tickets", TaskType.Classify, confidence, agree, "logged", Guid.NewGuid().ToString());
}

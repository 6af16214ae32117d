using HeteroAgents.Fleet.Scaling;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Fleet.Tests.Scaling;

public sealed class ScalingPolicyTests
{
    private static readonly ScalingPolicyOptions Options = new()
    {
        MinWorkers = 1,
        MaxWorkers = 5,
        TargetPerWorker = 10,
        ScaleUpCooldown = TimeSpan.FromSeconds(10),
        ScaleDownCooldown = TimeSpan.FromSeconds(60),
    };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(0, 0, 1)]      // idle: min
    [InlineData(1, 0, 1)]
    [InlineData(10, 0, 1)]     // exactly one worker's worth
    [InlineData(11, 0, 2)]     // ceil
    [InlineData(5, 6, 2)]      // unacked counts too
    [InlineData(0, 30, 3)]     // in-flight only
    [InlineData(49, 1, 5)]
    [InlineData(10_000, 0, 5)] // clamped to max
    public void WantedWorkers_is_ceil_of_depth_over_target_clamped(long ready, long unacked, int expected) =>
        Assert.Equal(expected, ScalingPolicy.WantedWorkers(ready, unacked, Options));

    [Fact]
    public void WantedWorkers_with_min_zero_scales_to_zero_when_empty()
    {
        var options = Options with { MinWorkers = 0 };
        Assert.Equal(0, ScalingPolicy.WantedWorkers(0, 0, options));
        Assert.Equal(1, ScalingPolicy.WantedWorkers(1, 0, options));
    }

    [Fact]
    public void Scales_up_immediately_on_first_backlog()
    {
        var policy = new ScalingPolicy(Options, _time);
        var decision = policy.Evaluate(ready: 35, unacknowledged: 0, currentWorkers: 1);
        Assert.Equal(new ScalingDecision(1, 4, 4, ScalingReason.ScaleUp), decision);
        Assert.True(decision.Changes);
    }

    [Fact]
    public void Second_scale_up_waits_for_the_up_cooldown()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Equal(2, policy.Evaluate(15, 0, 1).Desired);

        _time.Advance(TimeSpan.FromSeconds(9));
        var held = policy.Evaluate(45, 0, 2);
        Assert.Equal(ScalingReason.ScaleUpCoolingDown, held.Reason);
        Assert.Equal(2, held.Desired);
        Assert.Equal(5, held.Wanted);
        Assert.False(held.Changes);

        _time.Advance(TimeSpan.FromSeconds(1));
        var grown = policy.Evaluate(45, 0, 2);
        Assert.Equal(ScalingReason.ScaleUp, grown.Reason);
        Assert.Equal(5, grown.Desired);
    }

    [Fact]
    public void Never_scales_down_while_messages_are_ready()
    {
        var policy = new ScalingPolicy(Options, _time);
        policy.Evaluate(50, 0, 1);
        _time.Advance(TimeSpan.FromMinutes(10));

        // Depth fell to one worker's worth, but a message is still waiting: hold.
        var decision = policy.Evaluate(1, 0, 5);
        Assert.Equal(ScalingReason.ScaleDownWaitingForIdle, decision.Reason);
        Assert.Equal(5, decision.Desired);
        Assert.Equal(1, decision.Wanted);
    }

    [Fact]
    public void Scales_down_only_after_the_queue_stayed_idle_for_the_down_cooldown()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Equal(5, policy.Evaluate(100, 0, 1).Desired);
        _time.Advance(TimeSpan.FromMinutes(5));
        policy.Evaluate(3, 0, 5);                      // last busy observation now

        _time.Advance(TimeSpan.FromSeconds(59));
        var early = policy.Evaluate(0, 0, 5);
        Assert.Equal(ScalingReason.ScaleDownCoolingDown, early.Reason);
        Assert.Equal(5, early.Desired);

        _time.Advance(TimeSpan.FromSeconds(1));
        var down = policy.Evaluate(0, 0, 5);
        Assert.Equal(ScalingReason.ScaleDown, down.Reason);
        Assert.Equal(1, down.Desired);
    }

    [Fact]
    public void Scale_down_waits_for_the_down_cooldown_after_the_last_change_even_when_idle()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Equal(3, policy.Evaluate(0, 30, 1).Desired);   // in-flight only: ready is 0 throughout

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(ScalingReason.ScaleDownCoolingDown, policy.Evaluate(0, 0, 3).Reason);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(new ScalingDecision(3, 1, 1, ScalingReason.ScaleDown), policy.Evaluate(0, 0, 3));
    }

    [Fact]
    public void Scale_down_keeps_workers_for_in_flight_messages()
    {
        var policy = new ScalingPolicy(Options, _time);
        policy.Evaluate(50, 0, 1);
        _time.Advance(TimeSpan.FromMinutes(2));

        // Nothing ready but 20 unacknowledged: shrink to 2, not to min.
        var decision = policy.Evaluate(0, 20, 5);
        Assert.Equal(ScalingReason.ScaleDown, decision.Reason);
        Assert.Equal(2, decision.Desired);
    }

    [Fact]
    public void A_busy_observation_restarts_the_down_cooldown()
    {
        var policy = new ScalingPolicy(Options, _time);
        policy.Evaluate(50, 0, 1);
        _time.Advance(TimeSpan.FromMinutes(2));
        policy.Evaluate(2, 0, 5);                    // busy again
        _time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(ScalingReason.ScaleDownCoolingDown, policy.Evaluate(0, 0, 5).Reason);
        _time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(ScalingReason.ScaleDown, policy.Evaluate(0, 0, 5).Reason);
    }

    [Fact]
    public void Below_minimum_is_raised_at_once_even_inside_the_up_cooldown()
    {
        var policy = new ScalingPolicy(Options with { MinWorkers = 2 }, _time);
        Assert.Equal(ScalingReason.ScaleUp, policy.Evaluate(25, 0, 2).Reason); // 2 -> 3, starts the up-cooldown
        var decision = policy.Evaluate(0, 0, 0);                                // e.g. every worker crashed
        Assert.Equal(new ScalingDecision(0, 2, 2, ScalingReason.BelowMinimum), decision);
    }

    [Fact]
    public void Below_minimum_with_a_backlog_goes_straight_to_what_the_depth_needs()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Equal(new ScalingDecision(0, 3, 3, ScalingReason.ScaleUp), policy.Evaluate(25, 0, 0));
    }

    [Fact]
    public void Above_maximum_is_lowered_at_once()
    {
        var policy = new ScalingPolicy(Options, _time);
        var decision = policy.Evaluate(500, 0, 9);
        Assert.Equal(new ScalingDecision(9, 5, 5, ScalingReason.AboveMaximum), decision);
    }

    [Fact]
    public void Never_goes_below_min_when_idle()
    {
        var policy = new ScalingPolicy(Options with { MinWorkers = 2 }, _time);
        _time.Advance(TimeSpan.FromHours(1));
        var decision = policy.Evaluate(0, 0, 2);
        Assert.Equal(ScalingReason.Steady, decision.Reason);
        Assert.Equal(2, decision.Desired);
    }

    [Fact]
    public void Scales_to_zero_and_back_with_min_zero()
    {
        var policy = new ScalingPolicy(Options with { MinWorkers = 0 }, _time);
        Assert.Equal(ScalingReason.ScaleDown, policy.Evaluate(0, 0, 1).Reason);   // nothing ever busy, no change yet
        _time.Advance(TimeSpan.FromSeconds(1));
        var up = policy.Evaluate(4, 0, 0);
        Assert.Equal(new ScalingDecision(0, 1, 1, ScalingReason.ScaleUp), up);
    }

    [Fact]
    public void Steady_when_the_count_matches()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Equal(new ScalingDecision(3, 3, 3, ScalingReason.Steady), policy.Evaluate(25, 0, 3));
    }

    [Fact]
    public void Zero_cooldowns_follow_the_depth_every_observation()
    {
        var policy = new ScalingPolicy(Options with { ScaleUpCooldown = TimeSpan.Zero, ScaleDownCooldown = TimeSpan.Zero }, _time);
        Assert.Equal(2, policy.Evaluate(20, 0, 1).Desired);
        Assert.Equal(4, policy.Evaluate(40, 0, 2).Desired);
        Assert.Equal(1, policy.Evaluate(0, 0, 4).Desired);
    }

    [Theory]
    [InlineData(-1, 5, 10, "MinWorkers")]
    [InlineData(3, 2, 10, "MaxWorkers")]
    [InlineData(0, 0, 10, "MaxWorkers")]
    [InlineData(1, 5, 0, "TargetPerWorker")]
    public void Invalid_options_are_rejected_naming_the_field(int min, int max, int target, string field)
    {
        var options = new ScalingPolicyOptions { MinWorkers = min, MaxWorkers = max, TargetPerWorker = target };
        var error = Assert.Throws<ArgumentException>(() => new ScalingPolicy(options, _time));
        Assert.Equal(field, error.ParamName);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Negative_cooldown_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScalingPolicy(Options with { ScaleDownCooldown = TimeSpan.FromSeconds(-1) }, _time));
        Assert.Equal("ScaleDownCooldown", error.ParamName);
    }

    [Fact]
    public void Negative_counts_are_rejected()
    {
        var policy = new ScalingPolicy(Options, _time);
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Evaluate(-1, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.Evaluate(0, 0, -1));
    }
}

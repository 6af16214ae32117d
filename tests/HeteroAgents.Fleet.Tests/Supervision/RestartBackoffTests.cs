using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Supervision;

public sealed class RestartBackoffTests
{
    [Fact]
    public void Doubles_per_consecutive_crash_up_to_the_cap()
    {
        var backoff = new RestartBackoff { Initial = TimeSpan.FromSeconds(1), Max = TimeSpan.FromSeconds(10), Multiplier = 2 };
        var delays = Enumerable.Range(1, 6).Select(n => backoff.DelayAfter(n).TotalSeconds).ToArray();
        Assert.Equal([1, 2, 4, 8, 10, 10], delays);
    }

    [Fact]
    public void Huge_crash_counts_stay_at_the_cap()
    {
        var backoff = new RestartBackoff { Initial = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromSeconds(30), Multiplier = 3 };
        Assert.Equal(TimeSpan.FromSeconds(30), backoff.DelayAfter(int.MaxValue));
    }

    [Fact]
    public void Multiplier_one_is_a_constant_delay()
    {
        var backoff = new RestartBackoff { Initial = TimeSpan.FromSeconds(2), Max = TimeSpan.FromSeconds(30), Multiplier = 1 };
        Assert.Equal(TimeSpan.FromSeconds(2), backoff.DelayAfter(7));
    }

    [Fact]
    public void Crash_count_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RestartBackoff().DelayAfter(0));
}

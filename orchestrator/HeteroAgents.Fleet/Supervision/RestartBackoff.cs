namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// Exponential restart delay for crashed workers: <see cref="Initial"/> × <see cref="Multiplier"/>^(n−1) after the
/// n-th consecutive crash, capped at <see cref="Max"/>. A worker that ran at least <see cref="ResetAfter"/> before
/// crashing starts again from <see cref="Initial"/>.
/// </summary>
public sealed record RestartBackoff
{
    /// <summary>Delay after a first crash.</summary>
    public TimeSpan Initial { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay.</summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Growth factor per consecutive crash (≥ 1).</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Run time after which a crash no longer counts as consecutive.</summary>
    public TimeSpan ResetAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The delay before restarting after <paramref name="consecutiveCrashes"/> crashes in a row (1 for the first).</summary>
    public TimeSpan DelayAfter(int consecutiveCrashes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveCrashes, 1);
        var factor = Math.Pow(Multiplier, Math.Min(consecutiveCrashes - 1, 64));
        var ticks = Initial.Ticks * factor;
        return ticks >= Max.Ticks || double.IsInfinity(ticks) ? Max : TimeSpan.FromTicks((long)ticks);
    }
}

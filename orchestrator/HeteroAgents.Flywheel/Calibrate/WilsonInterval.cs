namespace HeteroAgents.Flywheel;

/// <summary>The Wilson score interval of a binomial proportion: how low the true agreement can be, given what was observed.</summary>
public static class WilsonInterval
{
    /// <summary>The normal quantile of a one-sided 97.5% bound (two-sided 95%).</summary>
    public const double DefaultZ = 1.959964;

    /// <summary>The lower bound of the Wilson interval for <paramref name="successes"/> out of <paramref name="trials"/> (0 when there are no trials).</summary>
    public static double LowerBound(int successes, int trials, double z = DefaultZ)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return 0;
        }

        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = p + (z2 / (2 * n));
        var margin = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n)));
        return Math.Max(0, (centre - margin) / (1 + (z2 / n)));
    }
}

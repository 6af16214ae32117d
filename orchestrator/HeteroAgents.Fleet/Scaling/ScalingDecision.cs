namespace HeteroAgents.Fleet.Scaling;

/// <summary>The outcome of one <see cref="ScalingPolicy.Evaluate"/> call.</summary>
/// <param name="Current">The worker count the caller reported.</param>
/// <param name="Desired">The worker count to run now (equal to <paramref name="Current"/> when holding).</param>
/// <param name="Wanted">What the depth alone asks for: ceil(depth / target) clamped to [min, max], before cooldowns.</param>
/// <param name="Reason">Why <paramref name="Desired"/> is what it is.</param>
public sealed record ScalingDecision(int Current, int Desired, int Wanted, ScalingReason Reason)
{
    /// <summary>True when the decision changes the worker count.</summary>
    public bool Changes => Desired != Current;
}

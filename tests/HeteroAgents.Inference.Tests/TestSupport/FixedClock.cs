namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>A clock stopped at one instant (hand-written fake).</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

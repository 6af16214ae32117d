namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>What one request/response peer did: round trips and the time they took.</summary>
internal sealed record PeerResult(string Name, long RoundTrips, TimeSpan Elapsed)
{
    public double PerSecond => RoundTrips / Elapsed.TotalSeconds;
}

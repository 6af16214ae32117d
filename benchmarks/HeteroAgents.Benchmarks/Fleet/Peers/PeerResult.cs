namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>What one request/response peer did: round trips, the time they took and, when measured, the CPU per round trip.</summary>
internal sealed record PeerResult(string Name, long RoundTrips, TimeSpan Elapsed)
{
    public CpuShare? Cpu { get; init; }

    public double PerSecond => RoundTrips / Elapsed.TotalSeconds;
}

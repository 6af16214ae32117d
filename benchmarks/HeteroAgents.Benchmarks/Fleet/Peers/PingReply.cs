namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>The MassTransit peer's response.</summary>
public sealed record PingReply(long Number, string Text);

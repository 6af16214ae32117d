namespace HeteroAgents.Benchmarks.Fleet.Peers;

/// <summary>The MassTransit peer's request (a payload of about a task's size).</summary>
public sealed record PingRequest(long Number, string Text);

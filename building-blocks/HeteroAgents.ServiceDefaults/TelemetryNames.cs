namespace HeteroAgents.ServiceDefaults;

/// <summary>The activity sources and meters the telemetry pipeline listens to.</summary>
public static class TelemetryNames
{
    /// <summary>Every HeteroAgents source and meter (<c>HeteroAgents.Worker</c>, <c>HeteroAgents.Orchestrator</c>, ...).</summary>
    public const string HeteroAgents = "HeteroAgents.*";

    /// <summary>MassTransit's activity source and meter (send, receive and consume spans; W3C trace context in message headers).</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>The .NET runtime's built-in meter (GC, thread pool, CPU, memory).</summary>
    public const string Runtime = "System.Runtime";
}

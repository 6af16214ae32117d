namespace HeteroAgents.ServiceDefaults;

/// <summary>
/// Options of the telemetry endpoint and pipeline (section <c>Hetero:Telemetry</c>, environment
/// <c>HETERO__TELEMETRY__*</c>). Everything is off unless <see cref="Port"/> or the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Telemetry";

    /// <summary>The standard OpenTelemetry variable naming the OTLP collector; when set, traces and metrics are also pushed there.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// The HTTP port serving <c>GET /healthz/live</c>, <c>GET /healthz/ready</c> and the Prometheus scrape
    /// <c>GET /metrics</c> (the deployments use 9464). Unset: no endpoint. 0: any free port (for tests).
    /// </summary>
    public int? Port { get; set; }

    /// <summary>The address the endpoint listens on: <c>0.0.0.0</c> (default, every interface, as containers need), <c>127.0.0.1</c>, or another IP address.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>The <c>service.name</c> resource attribute of every span and metric; defaults to the process kind (e.g. <c>hetero-worker-classify</c>).</summary>
    public string? ServiceName { get; set; }

    /// <summary>The OTLP collector address, read from <see cref="OtlpEndpointVariable"/>; null when not set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>How long (milliseconds) a Prometheus scrape answer is reused for the next scrapes (0: never, the default).</summary>
    public int ScrapeCacheMilliseconds { get; set; }
}

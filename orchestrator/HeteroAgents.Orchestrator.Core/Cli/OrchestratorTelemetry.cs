using HeteroAgents.Fleet;
using HeteroAgents.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Cli;

/// <summary>
/// Telemetry for the long-running commands (<c>serve</c>, <c>batch run</c>, <c>fleet up</c>): the service defaults
/// (health checks; with <c>Hetero:Telemetry:Port</c> or <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, OpenTelemetry and the
/// <c>/healthz/*</c> and <c>/metrics</c> port) and, with telemetry on and <c>queueDepth</c>, the fleet gauges
/// (queue depth from the RabbitMQ management API, worker counts of <c>fleet up</c>). One-shot
/// commands (status, results, ...) never open the port, so they can run beside a service that holds it.
/// </summary>
internal static class OrchestratorTelemetry
{
    public static Action<IServiceCollection, IConfiguration> For(string serviceName, bool queueDepth) => (services, configuration) =>
    {
        services.AddHeteroServiceDefaults(configuration, serviceName);
        var telemetry = !string.IsNullOrWhiteSpace(configuration.GetSection(TelemetryOptions.SectionName)[nameof(TelemetryOptions.Port)]) ||
                        !string.IsNullOrWhiteSpace(configuration[TelemetryOptions.OtlpEndpointVariable]);
        if (queueDepth && telemetry)
        {
            services.AddHeteroFleetMetrics();
        }
    };
}

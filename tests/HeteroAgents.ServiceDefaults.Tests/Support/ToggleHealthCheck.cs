using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeteroAgents.ServiceDefaults.Tests.Support;

/// <summary>A readiness check the test switches between healthy and unhealthy.</summary>
internal sealed class ToggleHealthCheck : IHealthCheck
{
    public volatile bool Healthy;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(Healthy ? HealthCheckResult.Healthy("switched on") : HealthCheckResult.Unhealthy("switched off"));
}

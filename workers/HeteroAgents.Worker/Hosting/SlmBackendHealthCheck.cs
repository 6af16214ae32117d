using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HeteroAgents.Worker.Hosting;

/// <summary>
/// The worker's readiness beyond the bus (check <c>slm-backend</c>, tag <c>ready</c>): with the in-process <c>onnx</c>
/// backend, ready once the model is loaded (<see cref="SlmModelWarmup"/> loads it at start), unhealthy while loading or
/// after a failed load (any in-process backend); with the <c>unconfigured</c> backend degraded (it serves, but every task escalates); otherwise healthy.
/// </summary>
internal sealed class SlmBackendHealthCheck(ChatBackendFactory backends, OnnxModelHost onnx, SlmModelWarmup warmup) : IHealthCheck
{
    /// <summary>The registration name.</summary>
    public const string Name = "slm-backend";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var backend = backends.ResolveBackendName();
        HealthCheckResult result;
        if (string.Equals(backend, BackendNames.Onnx, StringComparison.OrdinalIgnoreCase))
        {
            result = onnx.LoadedDirectory is { } directory ? HealthCheckResult.Healthy($"onnx model loaded from {directory}")
                : warmup.Failure is { } failure ? HealthCheckResult.Unhealthy("onnx model failed to load: " + failure)
                : HealthCheckResult.Unhealthy("onnx model not loaded yet");
        }
        else if (string.Equals(backend, BackendNames.Unconfigured, StringComparison.OrdinalIgnoreCase))
        {
            result = HealthCheckResult.Degraded("no SLM backend configured (Hetero:Slm:ModelPath or Hetero:Slm:Endpoint): every task escalates");
        }
        else if (warmup.Failure is { } failure)
        {
            result = HealthCheckResult.Unhealthy($"{backend} model failed to load: " + failure);
        }
        else
        {
            result = HealthCheckResult.Healthy($"backend {backend}");
        }

        return Task.FromResult(result);
    }
}

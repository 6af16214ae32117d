using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Worker.Hosting;

/// <summary>
/// Loads the in-process (<c>onnx</c>) model in the background as the host starts, so the worker turns ready without
/// waiting for its first task. A failed load is logged and kept for <see cref="SlmBackendHealthCheck"/>; it does not
/// stop the host (the first task reports it as before). Other backends have nothing to load.
/// </summary>
internal sealed partial class SlmModelWarmup(IServiceProvider services, ChatBackendFactory backends, ILogger<SlmModelWarmup> logger) : BackgroundService
{
    /// <summary>Why the load failed, or null.</summary>
    public string? Failure { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!string.Equals(backends.ResolveBackendName(), BackendNames.Onnx, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                services.GetRequiredKeyedService<IChatClient>(WorkerServiceKeys.ChatClient);
            }
#pragma warning disable CA1031 // Any load failure is reported by the readiness check and again by the first task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failure = ex.Message;
                LogLoadFailed(ex);
            }
        }, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the SLM model failed; the worker stays not ready")]
    private partial void LogLoadFailed(Exception exception);
}

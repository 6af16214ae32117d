using HeteroAgents.Inference.Models;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Worker.Hosting;

/// <summary>
/// Loads the in-process model (<c>onnx</c> or <c>llamasharp</c>) in the background as the host starts, so the worker
/// turns ready without waiting for its first task. A model file that cannot serve (<see cref="ModelLoadException"/>:
/// not an ONNX/GGUF file, an unsupported architecture, a missing tokenizer, …) stops the worker at start with the
/// reason, which names the file; <see cref="WorkerHostExtensions.RunWorkerAsync"/> turns that into exit code 1. Any
/// other load failure is logged and kept for <see cref="SlmBackendHealthCheck"/> (the first task reports it again).
/// </summary>
internal sealed partial class SlmModelWarmup(IServiceProvider services, ChatBackendFactory backends, ILogger<SlmModelWarmup> logger) : BackgroundService
{
    /// <summary>Why the load failed, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Whether the model file was unusable and the warmup stopped the worker.</summary>
    public bool StoppedWorker { get; private set; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backend = backends.ResolveBackendName();
        if (!string.Equals(backend, BackendNames.Onnx, StringComparison.OrdinalIgnoreCase) &&
            !string.Equals(backend, BackendNames.LlamaSharp, StringComparison.OrdinalIgnoreCase))
        {
            return Task.CompletedTask;
        }

        return Task.Run(() =>
        {
            try
            {
                services.GetRequiredKeyedService<IChatClient>(WorkerServiceKeys.ChatClient);
            }
            catch (ModelLoadException ex)
            {
                Failure = ex.Message;
                StoppedWorker = true;
                LogBadModelFile(logger, ex.Message);
                // Outside a host (a bare service provider) there is no lifetime to stop; the failure is still kept.
                services.GetService<IHostApplicationLifetime>()?.StopApplication();
            }
#pragma warning disable CA1031 // Any other load failure is reported by the readiness check and again by the first task.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Failure = ex.Message;
                LogLoadFailed(logger, ex);
            }
        }, stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The worker stops: its model cannot be served. {Reason}")]
    private static partial void LogBadModelFile(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the SLM model failed; the worker stays not ready")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);
}

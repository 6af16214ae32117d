using System.Collections.Concurrent;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// The SLM client for the model a routing policy names for a task (<c>model</c>, written by <c>hetero models promote</c>):
/// the worker's configured client when the policy names none (or the configured one); for an OpenAI-compatible backend
/// a client per named model (a server serving several models or LoRA adapters by name), created once and kept. An
/// in-process backend (onnx, llamasharp) loads the model the policy names when it is a folder or GGUF file (a promoted
/// candidate registered by path) next to its own, at the first task that needs it, and keeps both; a name that is no
/// path there, or a model that does not load, is logged once and the worker's own model keeps serving. Outcomes say which
/// model answered (<c>served_by</c>: <c>slm:</c> and the folder or file name).
/// </summary>
public sealed partial class SlmModelClients(
    ChatBackendFactory factory,
    [FromKeyedServices(WorkerServiceKeys.ChatClient)] IChatClient configured,
    ServedByName servedBy,
    IOptions<SlmOptions> options,
    ILogger<SlmModelClients> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<IChatClient>> _byModel = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    /// <summary>The client and <c>served_by</c> for <paramref name="model"/> (null: the configured model).</summary>
    public (IChatClient Client, string ServedBy) For(string? model)
    {
        if (model is null || string.Equals(model, options.Value.Model, StringComparison.Ordinal))
        {
            return (configured, servedBy.Value);
        }

        if (!string.Equals(factory.ResolveBackendName(), BackendNames.OpenAi, StringComparison.OrdinalIgnoreCase))
        {
            return InProcess(model);
        }

        var client = _byModel.GetOrAdd(model, m => new Lazy<IChatClient>(() => factory.CreateForModel(m))).Value;
        return (client, "slm:" + model);
    }

    private (IChatClient Client, string ServedBy) InProcess(string model)
    {
        if (Directory.Exists(model) || File.Exists(model))
        {
            var entry = _byModel.GetOrAdd(model, m => new Lazy<IChatClient>(() => factory.CreateForModelPath(m)));
            try
            {
                return (entry.Value, "slm:" + Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(model))));
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or Inference.Models.ModelLoadException)
            {
                if (_warned.TryAdd(model, true))
                {
                    LogNotLoadable(model, ex.Message, servedBy.Value);
                }

                return (configured, servedBy.Value);
            }
        }

        if (_warned.TryAdd(model, true))
        {
            LogNotSwitchable(model, factory.ResolveBackendName(), servedBy.Value);
        }

        return (configured, servedBy.Value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The routing policy names model {Model}, which is no folder or file here for the {Backend} backend; tasks stay on {ServedBy}")]
    private partial void LogNotSwitchable(string model, string backend, string servedBy);

    [LoggerMessage(Level = LogLevel.Error, Message = "The routing policy names model {Model}, which does not load ({Reason}); tasks stay on {ServedBy}")]
    private partial void LogNotLoadable(string model, string reason, string servedBy);
}

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
/// in-process backend (onnx, llamasharp) holds one loaded model: it keeps serving it, logs once that the policy names
/// another, and outcomes say which model answered (<c>served_by</c>), so a rollout there is a rolling restart with the
/// new <c>--model</c>.
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
            if (_warned.TryAdd(model, true))
            {
                LogNotSwitchable(model, factory.ResolveBackendName(), servedBy.Value);
            }

            return (configured, servedBy.Value);
        }

        var client = _byModel.GetOrAdd(model, m => new Lazy<IChatClient>(() => factory.CreateForModel(m))).Value;
        return (client, "slm:" + model);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The routing policy names model {Model}, but the {Backend} backend serves one loaded model; tasks stay on {ServedBy} until the worker restarts with that model")]
    private partial void LogNotSwitchable(string model, string backend, string servedBy);
}

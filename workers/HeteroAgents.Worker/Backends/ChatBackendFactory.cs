using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// The one place that chooses the worker's model backend: resolves <c>Hetero:Slm:Backend</c> (with <c>auto</c>
/// meaning <c>llamasharp</c> for a GGUF model, <c>onnx</c> when a model folder is set, else <c>openai</c> when an endpoint is set, else <c>unconfigured</c>), asks the matching
/// <see cref="IChatBackendProvider"/> for its client and wraps it in the worker's middleware
/// (error classification → telemetry → usage accounting → timeout → backend).
/// </summary>
public sealed class ChatBackendFactory(IEnumerable<IChatBackendProvider> providers, IOptions<SlmOptions> options, IServiceProvider services)
{
    /// <summary>The backend name <c>auto</c> resolves to under the current options.</summary>
    public string ResolveBackendName()
    {
        var slm = options.Value;
        if (!string.Equals(slm.Backend, BackendNames.Auto, StringComparison.OrdinalIgnoreCase))
        {
            return slm.Backend;
        }

        return LlamaSharpBackendProvider.IsGguf(slm.ModelPath) ? BackendNames.LlamaSharp
            : !string.IsNullOrWhiteSpace(slm.ModelPath) ? BackendNames.Onnx
            : slm.Endpoint is not null ? BackendNames.OpenAi
            : BackendNames.Unconfigured;
    }

    /// <summary>Creates the backend client with the worker's middleware.</summary>
    public IChatClient Create() => Create(options.Value);

    /// <summary>
    /// Creates the client of the same backend for <paramref name="model"/> (an OpenAI-compatible server's model id, as a
    /// routing policy's <c>model</c> names it), with the worker's middleware.
    /// </summary>
    public IChatClient CreateForModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return Create(options.Value.WithModel(model));
    }

    /// <summary>
    /// Creates the client of the same in-process backend for the model in <paramref name="modelPath"/> (a folder, or a
    /// GGUF file for llamasharp, as a routing policy's <c>model</c> names a promoted candidate), with the worker's middleware.
    /// </summary>
    public IChatClient CreateForModelPath(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        return Create(options.Value.WithModelPath(modelPath));
    }

    private IChatClient Create(SlmOptions slm)
    {
        var name = ResolveBackendName();
        // The last registration of a name wins, so a host can replace a built-in backend.
        var provider = providers.LastOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException(
                $"Hetero:Slm:Backend is '{slm.Backend}', but no backend of that name is registered. Known backends: " +
                string.Join(", ", providers.Select(p => p.Name).Prepend(BackendNames.Auto).Distinct(StringComparer.OrdinalIgnoreCase)) + ".");

        return new ChatClientBuilder(provider.Create(slm))
            .UseBackendErrors()
            .UseOpenTelemetry(sourceName: WorkerMetrics.MeterName)
            .UseUsageAccounting()
            .UseRequestTimeout(TimeSpan.FromSeconds(slm.TimeoutSeconds))
            .Build(services);
    }
}

using HeteroAgents.Inference.Onnx;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Owns the worker's in-process models, one per folder: loaded on first use with the <c>Hetero:Onnx</c> session options,
/// shared by every concurrent consumer, disposed with the host.
/// </summary>
public sealed partial class OnnxModelHost(IOptions<OnnxModelOptions> sessionOptions, ILogger<OnnxModelHost> logger) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, OnnxLanguageModel> _models = new(StringComparer.Ordinal);
    private OnnxLanguageModel? _first;

    /// <summary>The folder of the first model loaded (the worker's own), or null while none is loaded (the worker's readiness check reads this).</summary>
    public string? LoadedDirectory
    {
        get
        {
            lock (_lock)
            {
                return _first?.Directory;
            }
        }
    }

    /// <summary>
    /// The model of <paramref name="modelPath"/>, loading it on the first call for that folder. A worker loads its own
    /// model at start and a second one only when its routing policy names another folder (a promoted candidate); each
    /// keeps its own KV budget, and both stay loaded until the worker restarts.
    /// </summary>
    /// <exception cref="HeteroAgents.Inference.Models.ModelLoadException">The folder does not hold a loadable model.</exception>
    public OnnxLanguageModel Get(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var full = Path.GetFullPath(modelPath);
        lock (_lock)
        {
            if (!_models.TryGetValue(full, out var model))
            {
                model = OnnxLanguageModel.Load(sessionOptions.Value.ForModel(full));
                LogLoaded(logger, model.ModelFile, model.Float32Prefill ? "float32 (second session)" : "as written", model.PromptSessionProbe?.ToString() ?? "not measured", model.HugePages);
                _models[full] = model;
                _first ??= model;
            }

            return model;
        }
    }

    /// <summary>Releases the model's ONNX Runtime session.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var model in _models.Values)
            {
                model.Dispose();
            }

            _models.Clear();
            _first = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {ModelFile}; prompt chunks compute {PromptCompute} (Hetero:Onnx:Float32Prefill probe: {Probe}); {HugePages}")]
    private static partial void LogLoaded(ILogger logger, string modelFile, string promptCompute, string probe, HugePagesOutcome hugePages);
}

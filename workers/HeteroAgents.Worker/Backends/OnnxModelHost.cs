using HeteroAgents.Inference.Onnx;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Owns the worker's one in-process model: loaded on first use with the <c>Hetero:Onnx</c> session options, shared by
/// every concurrent consumer, disposed with the host.
/// </summary>
public sealed class OnnxModelHost(IOptions<OnnxModelOptions> sessionOptions) : IDisposable
{
    private readonly Lock _lock = new();
    private OnnxLanguageModel? _model;

    /// <summary>The folder of the loaded model, or null while none is loaded (the worker's readiness check reads this).</summary>
    public string? LoadedDirectory
    {
        get
        {
            lock (_lock)
            {
                return _model?.Directory;
            }
        }
    }

    /// <summary>The model of <paramref name="modelPath"/>, loading it on the first call.</summary>
    /// <exception cref="InvalidOperationException">A different folder was loaded already (a worker serves one model).</exception>
    /// <exception cref="HeteroAgents.Inference.Models.ModelLoadException">The folder does not hold a loadable model.</exception>
    public OnnxLanguageModel Get(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var full = Path.GetFullPath(modelPath);
        lock (_lock)
        {
            if (_model is null)
            {
                var o = sessionOptions.Value;
                _model = OnnxLanguageModel.Load(new OnnxModelOptions
                {
                    ModelPath = full,
                    ModelFile = o.ModelFile,
                    ChatTemplate = o.ChatTemplate,
                    IntraOpThreads = o.IntraOpThreads,
                    GraphOptimizationLevel = o.GraphOptimizationLevel,
                    ContextWindow = o.ContextWindow,
                    PrefillChunkTokens = o.PrefillChunkTokens,
                    MaxBatchSize = o.MaxBatchSize,
                    KvCacheMegabytes = o.KvCacheMegabytes,
                    PrefixCacheMegabytes = o.PrefixCacheMegabytes,
                    ExecutionProvider = o.ExecutionProvider,
                });
            }
            else if (!string.Equals(Path.GetFullPath(_model.Directory), full, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"This worker already serves the model in '{_model.Directory}'; it cannot also load '{full}'.");
            }

            return _model;
        }
    }

    /// <summary>Releases the model's ONNX Runtime session.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _model?.Dispose();
            _model = null;
        }
    }
}

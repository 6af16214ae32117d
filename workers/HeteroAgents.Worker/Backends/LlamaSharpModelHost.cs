using HeteroAgents.Inference.LlamaSharp;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>Owns the worker's GGUF model in llama.cpp: loaded on first use with the <c>Hetero:LlamaSharp</c> options, shared, disposed with the host.</summary>
public sealed class LlamaSharpModelHost(IOptions<LlamaSharpModelOptions> options) : IDisposable
{
    private readonly Lock _lock = new();
    private LlamaSharpModel? _model;

    /// <summary>The model of <paramref name="modelPath"/> (a .gguf file or a folder with one), loading it on the first call.</summary>
    /// <exception cref="HeteroAgents.Inference.Models.ModelLoadException">The file is not a loadable GGUF model.</exception>
    public LlamaSharpModel Get(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        lock (_lock)
        {
            if (_model is null)
            {
                var o = options.Value;
                _model = LlamaSharpModel.Load(new LlamaSharpModelOptions
                {
                    ModelPath = modelPath,
                    ContextSize = o.ContextSize,
                    Threads = o.Threads,
                    GpuLayerCount = o.GpuLayerCount,
                    MaxBatchSize = o.MaxBatchSize,
                    BatchTokens = o.BatchTokens,
                });
            }

            return _model;
        }
    }

    /// <summary>Frees the llama.cpp context and weights.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _model?.Dispose();
            _model = null;
        }
    }
}

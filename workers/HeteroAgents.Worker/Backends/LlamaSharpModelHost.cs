using HeteroAgents.Inference.LlamaSharp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Owns the worker's GGUF models in llama.cpp, one per file: loaded on first use with the <c>Hetero:LlamaSharp</c>
/// options, shared, disposed with the host. llama.cpp's own log lines go to the host's logger
/// (<see cref="LlamaNativeLog"/>, category <see cref="LlamaNativeLog.Category"/>) instead of stderr. Before the first
/// load it applies <c>Hetero:LlamaSharp:NativeLibraryPath</c> (<see cref="LlamaNativeLibrary"/>) and logs, at
/// Information, which llama.cpp build runs and the instruction sets it was compiled for.
/// </summary>
public sealed partial class LlamaSharpModelHost(IOptions<LlamaSharpModelOptions> options, ILoggerFactory loggerFactory) : IDisposable
{
    private readonly Lock _lock = new();
    private bool _nativeReady;
    private readonly Dictionary<string, LlamaSharpModel> _models = new(StringComparer.Ordinal);

    /// <summary>
    /// The model of <paramref name="modelPath"/> (a .gguf file or a folder with one), loading it on the first call for that
    /// path (a second one only when the routing policy names another model; both stay loaded until the worker restarts).
    /// </summary>
    /// <exception cref="HeteroAgents.Inference.Models.ModelLoadException">The file is not a loadable GGUF model.</exception>
    public LlamaSharpModel Get(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        var full = Path.GetFullPath(modelPath);
        lock (_lock)
        {
            if (!_models.TryGetValue(full, out var model))
            {
                var o = options.Value;
                if (!_nativeReady)
                {
                    // Before anything touches llama.cpp: which build to load, then where its log lines go.
                    if (!string.IsNullOrWhiteSpace(o.NativeLibraryPath))
                    {
                        LlamaNativeLibrary.Use(o.NativeLibraryPath);
                    }

                    var logger = loggerFactory.CreateLogger(LlamaNativeLog.Category);
                    LlamaNativeLog.RouteTo(logger);
                    _nativeReady = true;
                    LogBuild(logger, LlamaNativeLibrary.Folder ?? "the LLamaSharp.Backend.Cpu package", LlamaNativeLibrary.SystemInfo());
                }

                model = LlamaSharpModel.Load(new LlamaSharpModelOptions
                {
                    ModelPath = modelPath,
                    ContextSize = o.ContextSize,
                    Threads = o.Threads,
                    GpuLayerCount = o.GpuLayerCount,
                    MaxBatchSize = o.MaxBatchSize,
                    BatchTokens = o.BatchTokens,
                    NativeLibraryPath = o.NativeLibraryPath,
                });
                _models[full] = model;
            }

            return model;
        }
    }

    /// <summary>Frees the llama.cpp context and weights.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var model in _models.Values)
            {
                model.Dispose();
            }

            _models.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "llama.cpp from {Source}: {SystemInfo}")]
    private static partial void LogBuild(ILogger logger, string source, string systemInfo);
}

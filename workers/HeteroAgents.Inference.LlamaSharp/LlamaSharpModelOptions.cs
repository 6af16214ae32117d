using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>How a GGUF model is loaded into llama.cpp through LLamaSharp (configuration section <c>Hetero:LlamaSharp</c>).</summary>
public sealed class LlamaSharpModelOptions
{
    /// <summary>A <c>.gguf</c> file, or a folder holding exactly one (e.g. one pulled with <c>hetero models pull</c>).</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>Context window per sequence in tokens; 0 takes the model's, at most 4,096.</summary>
    [Range(0, 1_048_576)]
    public int ContextSize { get; set; }

    /// <summary>CPU threads; 0 lets llama.cpp choose.</summary>
    [Range(0, 1024)]
    public int Threads { get; set; }

    /// <summary>
    /// Layers offloaded to the GPU. Needs the CUDA build of llama.cpp: replace the <c>LLamaSharp.Backend.Cpu</c> package
    /// with <c>LLamaSharp.Backend.Cuda12</c> (same version); with the CPU backend it must stay 0.
    /// </summary>
    [Range(0, 10_000)]
    public int GpuLayerCount { get; set; }

    /// <summary>Most sequences decoded together in one llama.cpp batch (parallel sequences); 0 picks 8.</summary>
    [Range(0, 256)]
    public int MaxBatchSize { get; set; }

    /// <summary>Most tokens in one llama.cpp decode call (prompt chunks plus one token per running sequence).</summary>
    [Range(32, 65_536)]
    public int BatchTokens { get; set; } = 512;

    /// <summary>
    /// A folder with a llama.cpp build for this machine (its <c>libllama.so</c> and ggml libraries, e.g. made by
    /// <c>scripts/build-llama-cpu.sh</c>, or a CUDA build) to load instead of the <c>LLamaSharp.Backend.Cpu</c> package's
    /// generic builds; empty uses the package's (see <see cref="LlamaNativeLibrary"/>).
    /// </summary>
    public string? NativeLibraryPath { get; set; }
}

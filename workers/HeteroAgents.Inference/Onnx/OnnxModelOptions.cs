using System.ComponentModel.DataAnnotations;
using Microsoft.ML.OnnxRuntime;

namespace HeteroAgents.Inference.Onnx;

/// <summary>How an ONNX model folder is loaded and run. Bind from configuration (e.g. section <c>Hetero:Onnx</c>).</summary>
public sealed class OnnxModelOptions
{
    /// <summary>The model folder (Hugging Face layout) or the alias resolved by the model store.</summary>
    public string ModelPath { get; set; } = string.Empty;

    /// <summary>
    /// The ONNX file relative to the folder; empty picks <c>genai_config.json</c>'s file, else the best export present for
    /// a CPU (<see cref="Models.OnnxExports"/>: <c>onnx/model_q4.onnx</c>, <c>_int8</c>, <c>_quantized</c>, <c>model.onnx</c>, …, <c>_fp16</c> last).
    /// </summary>
    public string? ModelFile { get; set; }

    /// <summary>
    /// The prompt format, overriding recognition of the folder's chat template (a name from
    /// <see cref="Templates.KnownChatTemplates.Names"/>, e.g. <c>qwen3</c>). Empty: the folder's template must be one the
    /// runtime reproduces exactly, else loading fails naming the model.
    /// </summary>
    public string? ChatTemplate { get; set; }

    /// <summary>Threads inside one operator; 0 lets ONNX Runtime choose (one per physical core).</summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; }

    /// <summary>Graph optimization level applied when the session is created.</summary>
    public GraphOptimizationLevel GraphOptimizationLevel { get; set; } = GraphOptimizationLevel.ORT_ENABLE_ALL;

    /// <summary>Overrides the context window from <c>config.json</c> (0 keeps the file's value).</summary>
    [Range(0, 10_000_000)]
    public int ContextWindow { get; set; }

    /// <summary>Largest number of prompt tokens run in one forward pass (0 picks a size that keeps the logits buffer near 32 MB).</summary>
    [Range(0, 65_536)]
    public int PrefillChunkTokens { get; set; }

    /// <summary>
    /// On CPU, run prompt chunks of a 4-bit model (MatMulNBits with int8 compute) on a second session of the same file
    /// whose 4-bit matrix products compute in float32, at the cost of the model held twice in memory (the second
    /// session's own copy of its weights). Which compute is faster for prompt chunks depends on the CPU (float32 gave
    /// ≈ 1.5× the prompt tokens/s on an Intel Xeon, int8 was faster on an AMD EPYC), so the default,
    /// <see cref="Float32PrefillMode.Auto"/>, times one prompt chunk on both sessions at load and keeps the second only
    /// where it pays. 8-bit weights (whose int8-compute kernel is the faster one in prompt chunks too) and models with
    /// external data files keep one session whatever the setting.
    /// </summary>
    public Float32PrefillMode Float32Prefill { get; set; } = Float32PrefillMode.Auto;

    /// <summary>
    /// On Linux, put the weights ONNX Runtime loaded on transparent huge pages (<c>MADV_HUGEPAGE</c> and
    /// <c>MADV_COLLAPSE</c> on the fully resident 2 MiB chunks of the large anonymous mappings holding them,
    /// <see cref="TransparentHugePages"/>):
    /// decode streams every weight once per token, and 2 MiB pages spare it a page walk per 4 KiB (4-bit smollm2-135m on
    /// an AMD EPYC: ≈ 1.1× decode tokens/s). True by default; no effect where the kernel has them turned off
    /// (<c>transparent_hugepage/enabled</c> = <c>never</c>), off Linux, or on CUDA.
    /// </summary>
    public bool HugePages { get; set; } = true;

    /// <summary>
    /// Most sequences decoded together by continuous batching (concurrent requests join the running batch at each
    /// decode step). 0 (the default) picks 8; a worker sets it to its concurrent message limit.
    /// </summary>
    [Range(0, 256)]
    public int MaxBatchSize { get; set; }

    /// <summary>Budget of the running batch's KV cache in MiB; a request waits to join while the batch would exceed it.</summary>
    [Range(1, 1_048_576)]
    public int KvCacheMegabytes { get; set; } = 1024;

    /// <summary>Budget of the prefix KV cache in MiB (KV of shared prompt prefixes reused across requests); 0 turns it off.</summary>
    [Range(0, 1_048_576)]
    public int PrefixCacheMegabytes { get; set; } = 256;

    /// <summary>
    /// Writes ONNX Runtime's per-operator profile (a JSON trace, <c>PREFIX_&lt;date&gt;.json</c>) when the model is
    /// disposed; empty (the default) turns profiling off. For finding where decode time goes, not for production.
    /// </summary>
    public string? ProfileFilePrefix { get; set; }

    /// <summary>Where the graph runs: <c>cpu</c> (default) or <c>cuda</c> (needs the GPU build, <c>-p:HeteroGpu=true</c>, and a CUDA device).</summary>
    [RegularExpression("^(?i)(cpu|cuda)$", ErrorMessage = "Hetero:Onnx:ExecutionProvider must be 'cpu' or 'cuda'.")]
    public string ExecutionProvider { get; set; } = "cpu";

    /// <summary>A copy of these options for the model in <paramref name="modelPath"/> (every other setting kept).</summary>
    public OnnxModelOptions ForModel(string modelPath)
    {
        var copy = (OnnxModelOptions)MemberwiseClone();
        copy.ModelPath = modelPath;
        return copy;
    }
}

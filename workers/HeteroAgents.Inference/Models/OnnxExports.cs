namespace HeteroAgents.Inference.Models;

/// <summary>
/// The decoder file names of the Hugging Face export layouts (Optimum, onnx-community / transformers.js) and the choice
/// among them for a machine: on CPU a quantized export first (4-bit MatMulNBits, then 8-bit), then full precision, and
/// float16 graphs last; on a GPU float16 first. Used by the loader (which file of a folder to run) and by
/// <c>hetero models pull</c> (which file of a repository to download).
/// </summary>
public static class OnnxExports
{
    private static readonly (string Suffix, string DType)[] Variants =
    [
        (string.Empty, "fp32"), ("_fp16", "fp16"), ("_q4", "q4"), ("_q4f16", "q4f16"), ("_int8", "int8"), ("_uint8", "uint8"), ("_quantized", "q8"), ("_bnb4", "bnb4"),
    ];

    private static readonly string[] CpuOrder = ["q4", "int8", "q8", "uint8", "fp32", "bnb4", "q4f16", "fp16"];
    private static readonly string[] GpuOrder = ["fp16", "q4f16", "fp32", "q4", "int8", "q8", "uint8", "bnb4"];

    /// <summary>The export a path names (<c>model*.onnx</c> or <c>decoder_model_merged*.onnx</c> at the root or in <c>onnx/</c>), or null.</summary>
    public static OnnxExport? Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : normalized[..slash];
        var name = normalized[(slash + 1)..];
        if (folder is not ("" or "onnx") || !name.EndsWith(".onnx", StringComparison.Ordinal))
        {
            return null;
        }

        var stem = name[..^".onnx".Length];
        foreach (var baseName in new[] { "model", "decoder_model_merged" })
        {
            foreach (var (suffix, dtype) in Variants)
            {
                if (stem == baseName + suffix)
                {
                    return new OnnxExport(normalized, dtype);
                }
            }
        }

        return null;
    }

    /// <summary>The decoder exports among <paramref name="paths"/>, best first for the machine.</summary>
    public static IReadOnlyList<OnnxExport> Rank(IEnumerable<string> paths, bool gpu = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var order = gpu ? GpuOrder : CpuOrder;
        return paths.Select(Parse).OfType<OnnxExport>()
            .OrderBy(e => Array.IndexOf(order, e.DType))
            .ThenBy(e => e.Path.StartsWith("onnx/", StringComparison.Ordinal) ? 1 : 0)
            .ThenBy(e => e.Path.Contains("decoder_model_merged", StringComparison.Ordinal) ? 1 : 0)
            .ToList();
    }

    /// <summary>The external data files of an export among <paramref name="paths"/> (<c>x.onnx_data</c>, <c>x.onnx_data_1</c>, <c>x.onnx.data</c>).</summary>
    public static IReadOnlyList<string> DataFiles(string export, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(export);
        ArgumentNullException.ThrowIfNull(paths);
        return paths.Where(p => p.StartsWith(export + "_data", StringComparison.Ordinal) || p == export + ".data").ToList();
    }
}

using HeteroAgents.Inference.Models;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// What <c>hetero models pull</c> downloads when no <c>--include</c> is given: the files the runtime reads (configs,
/// tokenizer, chat template, licence) and one decoder export, the best for the machine (<see cref="OnnxExports.Rank"/>:
/// on CPU <c>onnx/model_q4.onnx</c> before the 8-bit, full-precision and float16 ones), with its external data files.
/// A repository of GGUF files and no ONNX export gets one GGUF model (<see cref="GgufFiles.Choose"/>: all parts of the
/// best quantization for the machine) and nothing else, so the folder is one the <c>llamasharp</c> backend serves. A
/// repository with neither is pulled whole.
/// </summary>
/// <param name="Files">The files to download.</param>
/// <param name="Export">The decoder export chosen, or null when the repository has none.</param>
/// <param name="Alternatives">The other decoder exports of the repository, best first.</param>
public sealed record PullPlan(IReadOnlyList<HubFile> Files, OnnxExport? Export, IReadOnlyList<OnnxExport> Alternatives)
{
    /// <summary>The GGUF model chosen (its first part when split) when the repository has GGUF files and no ONNX export.</summary>
    public string? GgufFile { get; init; }

    /// <summary>The quantization of <see cref="GgufFile"/> (e.g. <c>Q4_K_M</c>).</summary>
    public string? GgufQuantization { get; init; }

    private static readonly string[] RuntimeExtensions = [".json", ".txt", ".model", ".jinja", ".tiktoken"];

    /// <summary>Chooses the files of a repository listing for a CPU (or a GPU with <paramref name="gpu"/>).</summary>
    public static PullPlan Choose(IReadOnlyList<HubFile> files, bool gpu = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ranked = OnnxExports.Rank(files.Select(f => f.Path), gpu);
        if (ranked.Count == 0)
        {
            var (gguf, quantization) = GgufFiles.Choose(files.Select(f => f.Path), gpu);
            return gguf.Count == 0
                ? new PullPlan(files, null, [])
                : new PullPlan([.. files.Where(f => gguf.Contains(f.Path))], null, []) { GgufFile = gguf[0], GgufQuantization = quantization };
        }

        var export = ranked[0];
        var data = OnnxExports.DataFiles(export.Path, files.Select(f => f.Path));
        var chosen = files.Where(f => f.Path == export.Path || data.Contains(f.Path) || IsRuntimeFile(f.Path)).ToList();
        return new PullPlan(chosen, export, [.. ranked.Skip(1)]);
    }

    private static bool IsRuntimeFile(string path)
        => !path.Contains('/', StringComparison.Ordinal) &&
           (RuntimeExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || path.StartsWith("LICENSE", StringComparison.OrdinalIgnoreCase));
}

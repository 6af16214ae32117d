using HeteroAgents.Inference.Models;

namespace HeteroAgents.Inference.Hub;

/// <summary>
/// What <c>hetero models pull</c> downloads when no <c>--include</c> is given: the files the runtime reads (configs,
/// tokenizer, chat template, licence) and one decoder export, the best for the machine (<see cref="OnnxExports.Rank"/>:
/// on CPU <c>onnx/model_q4.onnx</c> before the 8-bit, full-precision and float16 ones), with its external data files.
/// A repository with no ONNX export is pulled whole.
/// </summary>
/// <param name="Files">The files to download.</param>
/// <param name="Export">The decoder export chosen, or null when the repository has none.</param>
/// <param name="Alternatives">The other decoder exports of the repository, best first.</param>
public sealed record PullPlan(IReadOnlyList<HubFile> Files, OnnxExport? Export, IReadOnlyList<OnnxExport> Alternatives)
{
    private static readonly string[] RuntimeExtensions = [".json", ".txt", ".model", ".jinja", ".tiktoken"];

    /// <summary>Chooses the files of a repository listing for a CPU (or a GPU with <paramref name="gpu"/>).</summary>
    public static PullPlan Choose(IReadOnlyList<HubFile> files, bool gpu = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        var ranked = OnnxExports.Rank(files.Select(f => f.Path), gpu);
        if (ranked.Count == 0)
        {
            return new PullPlan(files, null, []);
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

using System.Text.RegularExpressions;

namespace HeteroAgents.Inference.Models;

/// <summary>
/// The GGUF files of a repository (one per quantization, each possibly split into <c>-00001-of-0000N.gguf</c> parts)
/// and the choice among them for <c>hetero models pull</c>: on CPU a 4-bit K-quant or Q4_0 first, then the larger
/// quantizations, full precision last; on a GPU 8-bit first. Vision projectors (<c>mmproj</c>) are never chosen.
/// </summary>
public static partial class GgufFiles
{
    private static readonly string[] CpuOrder = ["Q4_K_M", "Q4_0", "Q4_K_S", "Q4_K_L", "IQ4_XS", "IQ4_NL", "Q5_K_M", "Q5_K_S", "Q5_0", "Q6_K", "Q8_0", "Q3_K_L", "Q3_K_M", "Q3_K_S", "Q2_K", "BF16", "F16", "F32"];
    private static readonly string[] GpuOrder = ["Q8_0", "Q6_K", "Q5_K_M", "Q4_K_M", "Q4_0", "F16", "BF16", "F32"];

    /// <summary>
    /// The files of the best quantization among <paramref name="paths"/> for the machine (all parts of a split file, in
    /// order), with its quantization name (e.g. <c>Q4_K_M</c>, <c>unknown</c> when the name carries none); empty when
    /// there is no GGUF model file.
    /// </summary>
    public static (IReadOnlyList<string> Files, string Quantization) Choose(IEnumerable<string> paths, bool gpu = false)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var order = gpu ? GpuOrder : CpuOrder;
        var best = paths
            .Where(p => p.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) && !Path.GetFileName(p).Contains("mmproj", StringComparison.OrdinalIgnoreCase))
            .GroupBy(p => SplitPart().Replace(p, ".gguf"), StringComparer.Ordinal)
            .Select(g => (Files: g.Order(StringComparer.Ordinal).ToList(), Quantization: QuantizationOf(g.Key)))
            .OrderBy(x => Array.IndexOf(order, x.Quantization) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(x => x.Files[0].Count(c => c == '/'))
            .ThenBy(x => x.Files[0], StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Files is null ? ([], string.Empty) : (best.Files, best.Quantization);
    }

    /// <summary>The quantization a GGUF file name carries (<c>model.Q4_K_M.gguf</c>, <c>model-q8_0.gguf</c>), upper-cased, or <c>unknown</c>.</summary>
    public static string QuantizationOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var match = Quantization().Match(Path.GetFileName(path));
        return match.Success ? match.Groups[1].Value.ToUpperInvariant() : "unknown";
    }

    [GeneratedRegex(@"-\d{5}-of-\d{5}\.gguf$", RegexOptions.IgnoreCase)]
    private static partial Regex SplitPart();

    [GeneratedRegex(@"(?:^|[-_.])(I?Q\d_K_[SML]|I?Q\d_K|IQ\d_(?:XXS|XS|S|M|NL)|Q\d_\d|BF16|F16|F32)(?=[-_.])", RegexOptions.IgnoreCase)]
    private static partial Regex Quantization();
}

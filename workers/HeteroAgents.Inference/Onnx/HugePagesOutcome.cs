namespace HeteroAgents.Inference.Onnx;

/// <summary>What <see cref="TransparentHugePages.Apply"/> did with a model's weight memory.</summary>
/// <param name="Mappings">Large anonymous mappings examined for resident 2 MiB chunks.</param>
/// <param name="AdvisedBytes">Bytes marked <c>MADV_HUGEPAGE</c>.</param>
/// <param name="CollapsedBytes">Bytes put on huge pages at once (<c>MADV_COLLAPSE</c>; 0 on kernels before 6.1).</param>
/// <param name="SkippedBecause">Why nothing was tried (not Linux, huge pages off, setting off); null when tried.</param>
public sealed record HugePagesOutcome(int Mappings, long AdvisedBytes, long CollapsedBytes, string? SkippedBecause)
{
    /// <summary>An outcome where nothing was tried, with the reason.</summary>
    public static HugePagesOutcome Skipped(string reason) => new(0, 0, 0, reason);

    /// <summary>Both passes together (the decode session's weights, then a kept prompt session's).</summary>
    public HugePagesOutcome Plus(HugePagesOutcome other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Mappings + other.Mappings, AdvisedBytes + other.AdvisedBytes, CollapsedBytes + other.CollapsedBytes, SkippedBecause ?? other.SkippedBecause);
    }

    /// <inheritdoc />
    public override string ToString() => SkippedBecause is { } reason
        ? $"huge pages not used: {reason}"
        : $"huge pages: {CollapsedBytes / (1 << 20)} MiB collapsed of {AdvisedBytes / (1 << 20)} MiB advised in {Mappings} mappings";
}

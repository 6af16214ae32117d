namespace HeteroAgents.Flywheel;

/// <summary>What a confidence threshold does on a set of calibration samples.</summary>
/// <param name="Threshold">Answers with a confidence at or above it are completed.</param>
/// <param name="Samples">The samples.</param>
/// <param name="Kept">Samples the SLM would complete.</param>
/// <param name="Agreed">Kept samples that agree with the frontier.</param>
public sealed record ThresholdPoint(double Threshold, int Samples, int Kept, int Agreed)
{
    /// <summary>The share of samples the SLM would complete.</summary>
    public double SlmShare => Samples == 0 ? 0 : (double)Kept / Samples;

    /// <summary>Agreement among the kept samples; null when none is kept.</summary>
    public double? Agreement => Kept == 0 ? null : (double)Agreed / Kept;

    /// <summary>The Wilson lower bound of <see cref="Agreement"/> (0 when none is kept).</summary>
    public double AgreementLowerBound => WilsonInterval.LowerBound(Agreed, Kept);

    /// <summary>
    /// <paramref name="threshold"/> as a policy writes it: cut (never rounded up) to 4 decimals, so every answer it was
    /// measured to keep is still kept.
    /// </summary>
    public static double ForPolicy(double threshold) => Math.Floor(threshold * 10_000) / 10_000;

    /// <summary>What <paramref name="threshold"/> does on <paramref name="samples"/> (a null confidence is never kept).</summary>
    public static ThresholdPoint At(double threshold, IReadOnlyCollection<CalibrationSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var kept = samples.Where(s => s.Confidence >= threshold).ToList();
        return new ThresholdPoint(threshold, samples.Count, kept.Count, kept.Count(s => s.Agree));
    }

    /// <summary>
    /// The lowest threshold (the largest SLM share) whose kept samples' agreement has a Wilson lower bound of at least
    /// <paramref name="target"/>; candidates are the samples' own confidences. Null when none reaches it.
    /// </summary>
    public static ThresholdPoint? Best(IReadOnlyCollection<CalibrationSample> samples, double target)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return samples.Where(s => s.Confidence is not null).Select(s => s.Confidence!.Value).Distinct().Order()
            .Select(t => At(t, samples))
            .FirstOrDefault(p => p.Kept > 0 && p.AgreementLowerBound >= target);
    }
}

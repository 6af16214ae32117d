using HeteroAgents.Flywheel;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>How one model did on the eval split of a workload and task type.</summary>
/// <param name="Model">The model (<c>served_by</c>).</param>
/// <param name="Samples">Replayed tasks that count.</param>
/// <param name="Agreement">Agreement with the frontier of every answer the checks passed, whatever its confidence (null: none).</param>
/// <param name="Threshold">The calibrated threshold at the target agreement (null: none reaches it).</param>
/// <param name="SlmShare">The share of tasks the SLM completes at that threshold (0 without one).</param>
/// <param name="AgreementAtThreshold">Agreement of the answers kept at that threshold.</param>
/// <param name="P50LatencyMs">Median worker latency.</param>
/// <param name="MeanTokens">Mean tokens (input plus output) per task.</param>
public sealed record ModelScore(string Model, int Samples, double? Agreement, double? Threshold, double SlmShare, double? AgreementAtThreshold, long P50LatencyMs, double MeanTokens)
{
    /// <summary>Scores <paramref name="answers"/> of <paramref name="model"/> at <paramref name="targetAgreement"/>.</summary>
    public static ModelScore Of(string model, IReadOnlyList<ReplayedAnswer> answers, double targetAgreement)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var samples = answers.Where(a => a.Sample is not null).Select(a => a.Sample!).ToList();
        var checkedAnswers = samples.Where(s => s.Confidence is not null).ToList();
        var best = ThresholdPoint.Best(samples, targetAgreement);
        var latencies = answers.Select(a => a.LatencyMs).Order().ToList();
        return new ModelScore(
            model,
            samples.Count,
            checkedAnswers.Count == 0 ? null : (double)checkedAnswers.Count(s => s.Agree) / checkedAnswers.Count,
            best?.Threshold,
            best?.SlmShare ?? 0,
            best?.Agreement,
            latencies.Count == 0 ? 0 : latencies[(latencies.Count - 1) / 2],
            answers.Count == 0 ? 0 : answers.Average(a => a.Tokens));
    }
}

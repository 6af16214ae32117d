using System.Globalization;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Chooses, per workload and task type, the routing threshold that completes the largest share of SLM answers while the
/// completed answers' agreement with the frontier has a Wilson lower bound of at least the target
/// (<see cref="ThresholdPoint.Best"/>), and writes it into a copy of the routing policy in force. Fewer samples than
/// <see cref="CalibrationOptions.MinSamples"/>, or no threshold reaching the target: the threshold in force is kept and
/// the row says why. Only <c>min_confidence</c> changes; every other setting (model, audit share) stays.
/// </summary>
public static class PolicyCalibrator
{
    /// <summary>Calibrates <paramref name="current"/> on <paramref name="samples"/>; the result has version <paramref name="version"/>.</summary>
    public static CalibrationResult Calibrate(RoutingPolicy current, IReadOnlyCollection<CalibrationSample> samples, CalibrationOptions options, string version)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(samples);
        options = OptionsCheck.Valid(options, nameof(options));
        var policy = new RoutingPolicy(version, current.Defaults, current.Workloads);
        var rows = new List<CalibrationRow>();
        foreach (var group in samples.GroupBy(s => (s.Workload, s.Type)).OrderBy(g => g.Key.Workload, StringComparer.Ordinal).ThenBy(g => g.Key.Type))
        {
            var (workload, type) = group.Key;
            var list = group.ToList();
            var inForce = current.Resolve(workload, type);
            var before = ThresholdPoint.At(inForce.MinConfidence, list);
            var target = options.TargetAgreement.ToString("0.###", CultureInfo.InvariantCulture);
            if (list.Count < options.MinSamples)
            {
                rows.Add(new CalibrationRow(workload, type, list.Count, before, before, false, string.Create(CultureInfo.InvariantCulture,
                    $"{list.Count} samples, fewer than the minimum {options.MinSamples}: kept {inForce.MinConfidence:0.###} ({inForce.MinConfidenceKey})")));
                continue;
            }

            if (ThresholdPoint.Best(list, options.TargetAgreement) is not { } best)
            {
                rows.Add(new CalibrationRow(workload, type, list.Count, before, before, false, string.Create(CultureInfo.InvariantCulture,
                    $"no threshold keeps answers whose agreement's lower bound reaches {target}: kept {inForce.MinConfidence:0.###}")));
                continue;
            }

            var rule = (policy.RuleAt(workload, type) ?? new RoutingRule()) with { MinConfidence = ThresholdPoint.ForPolicy(best.Threshold) };
            policy = policy.With(version, workload, type, rule);
            rows.Add(new CalibrationRow(workload, type, list.Count, before, best, true, string.Create(CultureInfo.InvariantCulture,
                $"{best.Kept}/{list.Count} kept agree {best.Agreed}/{best.Kept} (lower bound {best.AgreementLowerBound:0.###} >= {target})")));
        }

        return new CalibrationResult(policy, rows);
    }
}

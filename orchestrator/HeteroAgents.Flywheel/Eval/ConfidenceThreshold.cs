namespace HeteroAgents.Flywheel;

/// <summary>The lowest confidence threshold at which the answers the SLM would keep reach the target agreement.</summary>
/// <param name="Threshold">Keep SLM answers with confidence at or above this; escalate the rest.</param>
/// <param name="Coverage">Share of counted records the SLM would keep at this threshold.</param>
/// <param name="Agreement">Agreement among the kept records.</param>
public sealed record ConfidenceThreshold(double Threshold, double Coverage, double Agreement)
{
    /// <summary>
    /// Finds the threshold over <paramref name="results"/> (counted results only): the smallest reported confidence t such that
    /// the results with confidence ≥ t agree at least <paramref name="target"/>; null when no threshold reaches it. Results without
    /// a confidence are never kept.
    /// </summary>
    public static ConfidenceThreshold? Find(IReadOnlyList<EvalRecordResult> results, double target)
    {
        ArgumentNullException.ThrowIfNull(results);
        var counted = results.Where(r => r.Comparison.Counted).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        var withConfidence = counted.Where(r => r.Confidence is not null).OrderByDescending(r => r.Confidence!.Value).ToList();
        ConfidenceThreshold? best = null;
        var agreed = 0;
        for (var i = 0; i < withConfidence.Count; i++)
        {
            agreed += withConfidence[i].Comparison.Agree ? 1 : 0;
            var isLastOfTies = i == withConfidence.Count - 1 || withConfidence[i + 1].Confidence < withConfidence[i].Confidence;
            if (!isLastOfTies)
            {
                continue;
            }

            var kept = i + 1;
            var agreement = (double)agreed / kept;
            if (agreement >= target)
            {
                best = new ConfidenceThreshold(withConfidence[i].Confidence!.Value, (double)kept / counted.Count, agreement);
            }
        }

        return best;
    }
}

using System.Globalization;

namespace HeteroAgents.Orchestrator.Routing;

/// <summary>The candidate against the model in force on the same eval split (<c>hetero flywheel eval --candidate</c>).</summary>
/// <param name="At">When it was measured.</param>
/// <param name="TargetAgreement">The target the thresholds were calibrated to.</param>
/// <param name="PolicyVersion">The policy in force when it was measured.</param>
/// <param name="Current">The model in force.</param>
/// <param name="Candidate">The candidate.</param>
public sealed record CandidateEval(DateTimeOffset At, double TargetAgreement, string PolicyVersion, ModelScore Current, ModelScore Candidate)
{
    /// <summary>
    /// Why the candidate is worse than the model in force, one reason per line; empty when it is not worse: it must
    /// reach the target at some threshold, complete at least the same share of tasks there, and agree at least as often.
    /// Latency and tokens are reported, not gated.
    /// </summary>
    public IReadOnlyList<string> WorseBecause()
    {
        var reasons = new List<string>();
        if (Candidate.Samples == 0)
        {
            reasons.Add("the candidate answered no task of the eval split");
            return reasons;
        }

        if (Candidate.Threshold is null)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"no confidence threshold brings the candidate's agreement to the target {TargetAgreement:0.###} (lower bound)"));
        }

        if (Candidate.SlmShare < Current.SlmShare)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"SLM share at the target {Candidate.SlmShare:P1} is below the current model's {Current.SlmShare:P1}"));
        }

        if (Candidate.Agreement < Current.Agreement)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"agreement {Candidate.Agreement:P1} is below the current model's {Current.Agreement:P1}"));
        }

        return reasons;
    }
}

using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Worker.Confidence;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Routing;

/// <summary>
/// Decides whether an answer that passed every check is completed or escalated for its confidence, from the routing
/// policy in force (<see cref="RoutingPolicyProvider"/>) for the task's workload and type: below <c>min_confidence</c>
/// → escalated; confidence unknown → as <c>unknown_confidence</c> says. <see cref="WorkerOptions.ConfidenceThreshold"/>,
/// when set, replaces every <c>min_confidence</c>; set to 0 it turns the gate off (nothing is escalated for confidence).
/// Completed answers are picked for audit per <c>audit_share</c> (<see cref="AuditSampler"/>).
/// </summary>
public sealed class ConfidenceGate(RoutingPolicyProvider policies, IOptions<WorkerOptions> options)
{
    private const string ThresholdSetting = WorkerOptions.SectionName + ":ConfidenceThreshold";

    /// <summary>Decides for an answer to <paramref name="task"/> (in its <see cref="ITaskMessage.WorkloadId"/>) whose confidence is <paramref name="estimate"/>.</summary>
    public GateDecision Decide(ITaskMessage task, ConfidenceEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(estimate);
        var workload = task.WorkloadId;
        var policy = policies.Current;
        var rule = policy.Resolve(workload, task.Type);
        var setting = options.Value.ConfidenceThreshold;
        double? threshold = setting switch
        {
            0 => null,
            { } fixedThreshold => fixedThreshold,
            null => rule.MinConfidence,
        };
        var source = setting is null ? $"policy {policy.Version}, {rule.MinConfidenceKey}" : ThresholdSetting;
        var routing = new RoutingInfo(policy.Version, workload, threshold, estimate.Source, estimate.Fields);
        string? detail = null;
        if (threshold is { } t)
        {
            if (estimate.Value is { } confidence)
            {
                detail = confidence < t
                    ? string.Create(CultureInfo.InvariantCulture, $"check confidence failed: confidence {confidence:0.####} is below the threshold {t:0.####} ({source}){Weakest(estimate)}")
                    : null;
            }
            else if (rule.UnknownConfidence == UnknownConfidenceAction.Escalate)
            {
                detail = $"check confidence failed: confidence unknown (the backend reported no probabilities) and policy {policy.Version} has unknown_confidence = escalate for {task.Type.ToWireName()}";
            }
        }

        return detail is not null
            ? new GateDecision(true, detail, routing)
            : new GateDecision(false, null, routing with { Audit = AuditSampler.Picks(task.TaskId, rule.AuditShare) });
    }

    private static string Weakest(ConfidenceEstimate estimate)
    {
        if (estimate.Fields is not { Count: > 1 } fields)
        {
            return string.Empty;
        }

        var weakest = fields.MinBy(f => f.Value);
        return string.Create(CultureInfo.InvariantCulture, $"; weakest value {weakest.Key} ({weakest.Value:0.####})");
    }
}

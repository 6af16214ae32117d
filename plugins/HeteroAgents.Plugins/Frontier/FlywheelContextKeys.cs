using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins;

/// <summary>
/// The <see cref="ChatOptions.AdditionalProperties"/> keys the conversion loop's logging middleware reads (those of
/// <see cref="HeteroAgents.Flywheel.FlywheelPropertyKeys"/>; the middleware removes them before the request reaches the
/// provider). Frontier calls made here tag themselves with them, so every logged call names its task type, task, batch,
/// workload and escalation reason, and links with the task's escalation record.
/// </summary>
public static class FlywheelContextKeys
{
    /// <summary>The task type's wire name, or <c>plan</c> for planning requests.</summary>
    public const string TaskType = HeteroAgents.Flywheel.FlywheelPropertyKeys.TaskType;

    /// <summary>The batch (or plugin session) of the task.</summary>
    public const string BatchId = HeteroAgents.Flywheel.FlywheelPropertyKeys.BatchId;

    /// <summary>The task id, linking the call with the task's escalation record.</summary>
    public const string TaskId = HeteroAgents.Flywheel.FlywheelPropertyKeys.TaskId;

    /// <summary>The caller's workload id (<see cref="HeteroPluginOptions.WorkloadId"/>).</summary>
    public const string WorkloadId = HeteroAgents.Flywheel.FlywheelPropertyKeys.WorkloadId;

    /// <summary>The escalation reason's wire name, when the call resolves an escalation.</summary>
    public const string EscalationReason = HeteroAgents.Flywheel.FlywheelPropertyKeys.EscalationReason;

    /// <summary>The task-type tag of planner requests.</summary>
    public const string PlanTaskType = "plan";

    internal static void Tag(ChatOptions options, string taskType, string? batchId, EscalationReason? reason, Guid? taskId = null, string? workloadId = null)
    {
        var props = options.AdditionalProperties ??= [];
        props[TaskType] = taskType;
        if (taskId is { } id)
        {
            props[TaskId] = id.ToString("D", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (workloadId is not null)
        {
            props[WorkloadId] = workloadId;
        }

        if (batchId is not null)
        {
            props[BatchId] = batchId;
        }

        if (reason is { } r)
        {
            props[EscalationReason] = r.ToWireName();
        }
    }
}

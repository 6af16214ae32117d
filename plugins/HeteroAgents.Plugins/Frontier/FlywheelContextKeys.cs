using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins;

/// <summary>
/// The <see cref="ChatOptions.AdditionalProperties"/> keys the conversion loop's logging middleware reads (the same strings
/// as <c>HeteroAgents.Flywheel.FlywheelPropertyKeys</c>; the middleware removes them before the request reaches the
/// provider). Frontier calls made here tag themselves with them, so every logged call names its task type, batch and
/// escalation reason.
/// </summary>
public static class FlywheelContextKeys
{
    /// <summary>The task type's wire name, or <c>plan</c> for planning requests.</summary>
    public const string TaskType = "hetero.flywheel.task_type";

    /// <summary>The batch (or plugin session) of the task.</summary>
    public const string BatchId = "hetero.flywheel.batch_id";

    /// <summary>The escalation reason's wire name, when the call resolves an escalation.</summary>
    public const string EscalationReason = "hetero.flywheel.escalation_reason";

    /// <summary>The task-type tag of planner requests.</summary>
    public const string PlanTaskType = "plan";

    internal static void Tag(ChatOptions options, string taskType, string? batchId, EscalationReason? reason)
    {
        var props = options.AdditionalProperties ??= [];
        props[TaskType] = taskType;
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

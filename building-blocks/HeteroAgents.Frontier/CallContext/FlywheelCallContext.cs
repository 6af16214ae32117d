using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Frontier;

/// <summary>
/// What the caller of a frontier model tells the flywheel log about a call, carried in
/// <see cref="ChatOptions.AdditionalProperties"/> (see <see cref="WithFlywheelContext"/>).
/// </summary>
/// <param name="TaskType">The task type's wire name (or another tag such as <c>plan</c>).</param>
/// <param name="WorkloadId">The caller's workload id.</param>
/// <param name="EscalationReason">Why the SLM escalated, when the call resolves an escalation.</param>
/// <param name="BatchId">The batch of the escalated task, when the call resolves a batch escalation.</param>
/// <param name="TraceId">A trace id; defaults to the current activity's.</param>
/// <param name="TaskId">The task the call resolves, when it resolves one.</param>
/// <param name="Audit">The completed SLM answer the call audits (the frontier answers the same task too), when it audits one.</param>
public sealed record FlywheelCallContext(
    string? TaskType,
    string? WorkloadId = null,
    EscalationReason? EscalationReason = null,
    string? BatchId = null,
    string? TraceId = null,
    string? TaskId = null,
    AuditedAnswer? Audit = null)
{
    /// <summary>The <see cref="TaskType"/> of planning requests (the frontier plans, the fleet runs the sub-tasks).</summary>
    public const string PlanTaskType = "plan";

    /// <summary>Reads the context from request options (all fields null when absent).</summary>
    public static FlywheelCallContext From(ChatOptions? options)
    {
        var props = options?.AdditionalProperties;
        if (props is null)
        {
            return new FlywheelCallContext(TaskType: null);
        }

        EscalationReason? reason = null;
        if (Get(props, FlywheelPropertyKeys.EscalationReason) is { } wire)
        {
            try
            {
                reason = JsonSerializer.Deserialize<EscalationReason>(JsonSerializer.Serialize(wire));
            }
            catch (JsonException ex)
            {
                throw new ArgumentException($"ChatOptions.AdditionalProperties[\"{FlywheelPropertyKeys.EscalationReason}\"] = '{wire}' is not an escalation reason wire name.", nameof(options), ex);
            }
        }

        return new FlywheelCallContext(
            Get(props, FlywheelPropertyKeys.TaskType),
            Get(props, FlywheelPropertyKeys.WorkloadId),
            reason,
            Get(props, FlywheelPropertyKeys.BatchId),
            Get(props, FlywheelPropertyKeys.TraceId),
            Get(props, FlywheelPropertyKeys.TaskId),
            Get(props, FlywheelPropertyKeys.Audit) is { } audit ? AuditedAnswer.Parse(audit) : null);
    }

    /// <summary>Writes this context into <paramref name="options"/> (creating its property bag if needed) and returns it.</summary>
    public ChatOptions WithFlywheelContext(ChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var props = options.AdditionalProperties ??= [];
        Set(props, FlywheelPropertyKeys.TaskType, TaskType);
        Set(props, FlywheelPropertyKeys.WorkloadId, WorkloadId);
        Set(props, FlywheelPropertyKeys.BatchId, BatchId);
        Set(props, FlywheelPropertyKeys.TraceId, TraceId);
        Set(props, FlywheelPropertyKeys.TaskId, TaskId);
        Set(props, FlywheelPropertyKeys.EscalationReason, EscalationReason is { } r ? r.ToWireName() : null);
        Set(props, FlywheelPropertyKeys.Audit, Audit?.ToJson());
        return options;
    }

    private static string? Get(AdditionalPropertiesDictionary props, string key) =>
        props.TryGetValue(key, out var value) ? value?.ToString() : null;

    private static void Set(AdditionalPropertiesDictionary props, string key, string? value)
    {
        if (value is null)
        {
            props.Remove(key);
        }
        else
        {
            props[key] = value;
        }
    }
}

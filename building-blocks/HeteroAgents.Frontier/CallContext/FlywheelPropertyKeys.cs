namespace HeteroAgents.Frontier;

/// <summary>
/// Keys of <c>ChatOptions.AdditionalProperties</c> and <c>ChatResponse.AdditionalProperties</c> that the
/// conversion loop reads and writes: frontier callers (the escalation resolver, the planner) tag their requests with
/// them (<see cref="FlywheelCallContext"/>), the logging middleware of HeteroAgents.Flywheel.Collect reads them and removes
/// the <c>hetero.flywheel.*</c> request keys before the request reaches the provider.
/// </summary>
public static class FlywheelPropertyKeys
{
    /// <summary>Response: the SLM's confidence in [0, 1] (a <see cref="double"/>); the same key the inference clients write.</summary>
    public const string Confidence = "hetero.confidence";

    /// <summary>Response: the call's estimated cost in US dollars (a <see cref="decimal"/>), written by the cost-accounting middleware.</summary>
    public const string CostUsd = "hetero.cost_usd";

    /// <summary>Request: the task type's wire name.</summary>
    public const string TaskType = "hetero.flywheel.task_type";

    /// <summary>Request: the caller's workload id.</summary>
    public const string WorkloadId = "hetero.flywheel.workload_id";

    /// <summary>Request: the batch whose escalated task the call resolves.</summary>
    public const string BatchId = "hetero.flywheel.batch_id";

    /// <summary>Request: the task id (<see cref="Guid"/> in "D" form) the call resolves, linking it with the task's escalation record.</summary>
    public const string TaskId = "hetero.flywheel.task_id";

    /// <summary>Request: the escalation reason's wire name, when the call resolves an escalation.</summary>
    public const string EscalationReason = "hetero.flywheel.escalation_reason";

    /// <summary>Request: the SLM answer the call audits (<see cref="AuditedAnswer"/> as JSON), when it audits one.</summary>
    public const string Audit = "hetero.flywheel.audit";

    /// <summary>Request: a trace id to record instead of the current activity's.</summary>
    public const string TraceId = "hetero.flywheel.trace_id";

    /// <summary>The prefix of every request key above.</summary>
    public const string RequestPrefix = "hetero.flywheel.";
}

using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel;

/// <summary>
/// A task whose frontier answer is in the log: the SLM's escalation record (the task's input, the SLM's answer and its
/// confidence) and the frontier call that resolved it (the reference answer), linked by <c>task_id</c>.
/// </summary>
/// <param name="Escalation">The escalation record.</param>
/// <param name="FrontierCall">The answered frontier call.</param>
public sealed record ReferenceAnswer(FrontierCallRecord Escalation, FrontierCallRecord FrontierCall)
{
    /// <summary>The task's workload id.</summary>
    public string? Workload => Escalation.WorkloadId ?? FrontierCall.WorkloadId;

    /// <summary>The task type.</summary>
    public TaskType Type => Escalation.ParsedTaskType() ?? throw new InvalidOperationException($"record {Escalation.Id} has no task type");
}

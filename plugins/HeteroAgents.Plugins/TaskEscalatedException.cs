using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// The SLM escalated the task and no frontier model is configured to resolve it. Carries the escalation event so
/// the app can decide what to do (ask the user, retry later, route elsewhere).
/// </summary>
public sealed class TaskEscalatedException : HeteroTaskException
{
    /// <summary>Creates the exception from the worker's escalation event.</summary>
    public TaskEscalatedException(TaskEscalated escalation)
        : base(
            (escalation ?? throw new ArgumentNullException(nameof(escalation))).TaskId,
            escalation.TaskType,
            $"The {escalation.TaskType.ToWireName()} task {escalation.CustomId} was escalated by {escalation.ServedBy} ({escalation.Reason.ToWireName()}: {escalation.Detail}) and no frontier model is configured (Hetero:Frontier:Model).")
    {
        Escalation = escalation;
    }

    /// <summary>The escalation event as the worker sent it.</summary>
    public TaskEscalated Escalation { get; }

    /// <summary>Why the SLM escalated.</summary>
    public EscalationReason Reason => Escalation.Reason;

    /// <summary>The failed check, in words.</summary>
    public string Detail => Escalation.Detail;
}

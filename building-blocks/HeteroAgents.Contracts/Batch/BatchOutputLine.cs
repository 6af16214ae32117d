using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// One line of a batch output file; exactly one per input line, with the same <c>custom_id</c>.
/// </summary>
/// <param name="CustomId">The caller's id (for a line that could not be parsed: <c>line:N</c>).</param>
/// <param name="Task">The task type's wire name, or null when the input line did not name a valid one.</param>
/// <param name="Status">The outcome.</param>
/// <param name="ServedBy"><c>slm:&lt;model&gt;</c> or <c>frontier:&lt;model&gt;</c>; null for failed lines.</param>
/// <param name="Result">The validated result, for completed lines.</param>
/// <param name="Confidence">Confidence in [0, 1], when known.</param>
/// <param name="Escalation">The escalation, when the SLM escalated (resolved or not).</param>
/// <param name="Usage">Tokens used, when a model was called.</param>
/// <param name="LatencyMs">Worker time spent, when a model was called.</param>
/// <param name="Error">The cause, for failed lines.</param>
public sealed record BatchOutputLine(
    string CustomId,
    string? Task,
    BatchTaskStatus Status,
    string? ServedBy,
    JsonElement? Result,
    double? Confidence,
    EscalationInfo? Escalation,
    TaskUsage? Usage,
    long? LatencyMs,
    TaskError? Error)
{
    /// <summary>How the worker routed the SLM answer (<see cref="RoutingInfo"/>); null for failed lines and outcomes without it.</summary>
    public RoutingInfo? Routing { get; init; }

    /// <summary>
    /// The output line for a completed task; its escalation is <paramref name="escalation"/> when given (a version-1 message's),
    /// else <see cref="TaskCompleted.Escalation"/>.
    /// </summary>
    public static BatchOutputLine From(TaskCompleted completed, EscalationInfo? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(completed);
        return new(completed.CustomId, completed.TaskType.ToWireName(), BatchTaskStatus.Completed, completed.ServedBy,
            completed.Result, completed.Confidence, escalation ?? completed.Escalation, completed.Usage, completed.LatencyMs, null)
        {
            Routing = completed.Routing,
        };
    }

    /// <summary>The output line for an escalation that no frontier model resolved.</summary>
    public static BatchOutputLine From(TaskEscalated escalated)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        return new(escalated.CustomId, escalated.TaskType.ToWireName(), BatchTaskStatus.Escalated, escalated.ServedBy,
            null, escalated.Confidence, new EscalationInfo(escalated.Reason, escalated.Detail, Resolved: false),
            escalated.Usage, escalated.LatencyMs, null)
        {
            Routing = escalated.Routing,
        };
    }

    /// <summary>
    /// The output line for a failed task; its escalation is <paramref name="escalation"/> when given (a version-1 message's),
    /// else <see cref="TaskFailed.Escalation"/>.
    /// </summary>
    public static BatchOutputLine From(TaskFailed failed, EscalationInfo? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(failed);
        return Failed(failed.CustomId, failed.TaskType, failed.Error, escalation ?? failed.Escalation);
    }

    /// <summary>
    /// The one factory of failed output lines: a task or input line that failed with <paramref name="error"/>
    /// (<paramref name="type"/> null when the line named no valid task type).
    /// </summary>
    public static BatchOutputLine Failed(string customId, TaskType? type, TaskError error, EscalationInfo? escalation = null)
    {
        ArgumentNullException.ThrowIfNull(customId);
        ArgumentNullException.ThrowIfNull(error);
        return new(customId, type?.WireName, BatchTaskStatus.Failed, null, null, null, escalation, null, null, error);
    }
}

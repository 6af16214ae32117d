using HeteroAgents.Contracts;

namespace HeteroAgents.Frontier;

/// <summary>
/// Where SLM escalations are appended for the conversion loop, resolved or not, with the prompt and schema a frontier
/// model gets for them. Implemented by HeteroAgents.Flywheel.Collect (<c>services.AddFlywheelCollection()</c>); the
/// plugins and the batch outcome recorder append to it when one is registered.
/// </summary>
public interface IEscalationLog
{
    /// <summary>
    /// Appends <paramref name="escalated"/>; <paramref name="task"/> is the escalated task when the caller has it (else it is
    /// rebuilt from the event's input). A write failure is the log's to report; it does not fail the task.
    /// </summary>
    ValueTask AppendEscalationAsync(TaskEscalated escalated, ITaskMessage? task = null, string? workloadId = null, CancellationToken cancellationToken = default);
}

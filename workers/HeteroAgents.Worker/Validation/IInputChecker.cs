using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Checks a task's input shape before any model call; a problem fails the task with <c>invalid_input</c>.</summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public interface IInputChecker<in TTask>
    where TTask : ITaskMessage
{
    /// <summary>The first problem with the task's input (naming the field), or null when it can be served.</summary>
    ValueTask<TaskError?> CheckAsync(TTask task, CancellationToken cancellationToken);
}

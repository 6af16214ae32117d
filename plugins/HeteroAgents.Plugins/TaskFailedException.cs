using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>A worker answered the task with <see cref="TaskFailed"/> (e.g. the input was rejected).</summary>
public sealed class TaskFailedException : HeteroTaskException
{
    /// <summary>Creates the exception from the worker's failure event.</summary>
    public TaskFailedException(TaskFailed failure)
        : base(
            (failure ?? throw new ArgumentNullException(nameof(failure))).TaskId,
            failure.TaskType,
            $"The {failure.TaskType.ToWireName()} task {failure.CustomId} failed ({failure.Error.Code}): {failure.Error.Message}")
    {
        Failure = failure;
    }

    /// <summary>The failure event.</summary>
    public TaskFailed Failure { get; }

    /// <summary>The failure's machine-readable code.</summary>
    public string Code => Failure.Error.Code;
}

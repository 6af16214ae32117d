
namespace HeteroAgents.Contracts;

/// <summary>Base of the typed errors a HeteroAgents task can end with (plugin calls, frontier resolution); names the task it concerns.</summary>
public abstract class HeteroTaskException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected HeteroTaskException(Guid taskId, TaskType taskType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        TaskId = taskId;
        TaskType = taskType;
    }

    /// <summary>The task's deterministic id.</summary>
    public Guid TaskId { get; }

    /// <summary>The task's type.</summary>
    public TaskType TaskType { get; }
}

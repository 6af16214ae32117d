namespace HeteroAgents.Contracts;

/// <summary>What every reply to a task carries: <see cref="TaskCompleted"/>, <see cref="TaskEscalated"/> or <see cref="TaskFailed"/>.</summary>
public interface ITaskOutcome
{
    /// <summary>The task's deterministic id.</summary>
    Guid TaskId { get; }

    /// <summary>The batch or session the task belongs to.</summary>
    string BatchId { get; }

    /// <summary>The caller's id.</summary>
    string CustomId { get; }

    /// <summary>The task's type.</summary>
    TaskType TaskType { get; }

    /// <summary>Contract version the message was written with.</summary>
    int SchemaVersion { get; }
}

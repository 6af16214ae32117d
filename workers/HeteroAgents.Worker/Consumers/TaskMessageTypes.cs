using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Consumers;

/// <summary>Maps task message types to task types and back.</summary>
public static class TaskMessageTypes
{
    /// <summary>The task type a message type carries.</summary>
    public static TaskType TaskTypeOf<TTask>()
        where TTask : ITaskMessage => TaskTypeOf(typeof(TTask));

    /// <summary>The task type a message type carries.</summary>
    public static TaskType TaskTypeOf(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return messageType == typeof(ClassifyTask) ? TaskType.Classify
            : messageType == typeof(ExtractTask) ? TaskType.Extract
            : messageType == typeof(ToolCallTask) ? TaskType.ToolCall
            : messageType == typeof(SummarizeTask) ? TaskType.Summarize
            : throw new ArgumentException($"{messageType.Name} is not a task message type.", nameof(messageType));
    }

    /// <summary>The message type of a task type.</summary>
    public static Type MessageTypeOf(TaskType type) => type switch
    {
        TaskType.Classify => typeof(ClassifyTask),
        TaskType.Extract => typeof(ExtractTask),
        TaskType.ToolCall => typeof(ToolCallTask),
        TaskType.Summarize => typeof(SummarizeTask),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type."),
    };
}

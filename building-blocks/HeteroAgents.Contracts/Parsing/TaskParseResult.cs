using System.Diagnostics.CodeAnalysis;

namespace HeteroAgents.Contracts;

/// <summary>The outcome of parsing one batch input line: a typed task, or a located error.</summary>
public sealed record TaskParseResult
{
    private TaskParseResult(long line, string? customId, TaskType? taskType, ITaskMessage? task, TaskError? error)
    {
        Line = line;
        CustomId = customId;
        TaskType = taskType;
        Task = task;
        Error = error;
    }

    /// <summary>The 1-based input line.</summary>
    public long Line { get; }

    /// <summary>The line's <c>custom_id</c>, when it could be read.</summary>
    public string? CustomId { get; }

    /// <summary>The line's task type, when it could be read.</summary>
    public TaskType? TaskType { get; }

    /// <summary>The typed task, when the line is valid.</summary>
    public ITaskMessage? Task { get; }

    /// <summary>Why the line was rejected, when it is not valid.</summary>
    public TaskError? Error { get; }

    /// <summary>Whether the line produced a task.</summary>
    [MemberNotNullWhen(true, nameof(Task), nameof(CustomId), nameof(TaskType))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Task is not null;

    /// <summary>The custom id an output line for this input uses: the line's own, or <c>line:N</c> when unreadable.</summary>
    public string OutputCustomId => CustomId ?? LineCustomId(Line);

    /// <summary>A valid line.</summary>
    public static TaskParseResult Success(long line, ITaskMessage task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(line, task.CustomId, task.Type, task, null);
    }

    /// <summary>A rejected line.</summary>
    public static TaskParseResult Failure(long line, TaskError error, string? customId = null, TaskType? taskType = null)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(line, customId, taskType, null, error);
    }

    /// <summary>The placeholder custom id of an input line whose own could not be read: <c>line:N</c>.</summary>
    public static string LineCustomId(long line) => $"line:{line}";

    /// <summary>The failed output line for a rejected input line.</summary>
    public BatchOutputLine ToFailedOutputLine() =>
        BatchOutputLine.Failed(OutputCustomId, TaskType, Error ?? throw new InvalidOperationException("A successful parse has no failed output line."));
}

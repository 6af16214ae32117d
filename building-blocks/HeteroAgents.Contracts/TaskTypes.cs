using System.Diagnostics.CodeAnalysis;

namespace HeteroAgents.Contracts;

/// <summary>Conversions between <see cref="TaskType"/> and its wire name (<c>classify</c>, <c>extract</c>, <c>tool_call</c>, <c>summarize</c>).</summary>
public static class TaskTypes
{
    /// <summary>Every task type, in declaration order.</summary>
    public static IReadOnlyList<TaskType> All { get; } = [TaskType.Classify, TaskType.Extract, TaskType.ToolCall, TaskType.Summarize];

    /// <summary>The wire name used in batch files, queue names and CLI flags.</summary>
    public static string ToWireName(this TaskType type) => type switch
    {
        TaskType.Classify => "classify",
        TaskType.Extract => "extract",
        TaskType.ToolCall => "tool_call",
        TaskType.Summarize => "summarize",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown task type."),
    };

    /// <summary>The kebab-case queue name for a task type, e.g. <c>hetero-tool-call</c>.</summary>
    public static string QueueName(this TaskType type) => "hetero-" + type.ToWireName().Replace('_', '-');

    /// <summary>Parses a wire name (case-insensitive; <c>tool-call</c> is accepted for <c>tool_call</c>).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out TaskType? type)
    {
        type = name?.Trim().ToLowerInvariant().Replace('-', '_') switch
        {
            "classify" => TaskType.Classify,
            "extract" => TaskType.Extract,
            "tool_call" => TaskType.ToolCall,
            "summarize" => TaskType.Summarize,
            _ => null,
        };
        return type is not null;
    }

    /// <summary>Parses a wire name or throws an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static TaskType Parse(string name) =>
        TryParse(name, out var type)
            ? type.Value
            : throw new ArgumentException($"Unknown task type '{name}'. Expected one of: classify, extract, tool_call, summarize.", nameof(name));
}

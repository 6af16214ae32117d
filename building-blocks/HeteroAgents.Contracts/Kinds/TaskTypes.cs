using System.Diagnostics.CodeAnalysis;

namespace HeteroAgents.Contracts;

/// <summary>Conversions between <see cref="TaskType"/> and its wire name, over the built-in kinds (<see cref="TaskKindRegistry.Default"/>).</summary>
public static class TaskTypes
{
    /// <summary>Every built-in task type, in registration order.</summary>
    public static IReadOnlyList<TaskType> All { get; } = [.. TaskKindRegistry.Default.Types];

    /// <summary>The wire name used in batch files, queue names and CLI flags.</summary>
    public static string ToWireName(this TaskType type) => type.WireName;

    /// <summary>The kebab-case queue name for a task type, e.g. <c>hetero-tool-call</c>.</summary>
    public static string QueueName(this TaskType type) => "hetero-" + type.WireName.Replace('_', '-');

    /// <summary>Parses a built-in wire name (case-insensitive; <c>tool-call</c> is accepted for <c>tool_call</c>).</summary>
    public static bool TryParse(string? name, [NotNullWhen(true)] out TaskType? type)
    {
        type = TaskKindRegistry.Default.TryGet(name, out var kind) ? kind.Type : null;
        return type is not null;
    }

    /// <summary>Parses a built-in wire name or throws an <see cref="ArgumentException"/> listing the valid names.</summary>
    public static TaskType Parse(string name) =>
        TryParse(name, out var type)
            ? type.Value
            : throw new ArgumentException($"Unknown task type '{name}'. Expected one of: {TaskKindRegistry.Default.Names}.", nameof(name));
}

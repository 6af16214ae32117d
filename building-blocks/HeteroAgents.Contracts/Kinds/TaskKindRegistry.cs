using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace HeteroAgents.Contracts;

/// <summary>
/// The task kinds a process serves, looked up by task type or wire name. Immutable: <see cref="Default"/> holds the
/// four built-in kinds; <see cref="With"/> adds one (a new kind, or a test's), for the layers that iterate kinds —
/// the batch parser (<see cref="TaskInputParser"/>), the worker's consumer registration, the frontier's escalation
/// reader — to be given. Thread-safe.
/// </summary>
public sealed class TaskKindRegistry
{
    private readonly FrozenDictionary<TaskType, TaskKind> _byType;

    private TaskKindRegistry(IReadOnlyList<TaskKind> kinds)
    {
        All = kinds;
        _byType = kinds.ToFrozenDictionary(k => k.Type);
        Names = string.Join(", ", kinds.Select(k => k.WireName));
    }

    /// <summary>The built-in kinds: classify, extract, tool_call, summarize.</summary>
    public static TaskKindRegistry Default { get; } = new([TaskKinds.Classify, TaskKinds.Extract, TaskKinds.ToolCall, TaskKinds.Summarize]);

    /// <summary>Every kind, in registration order.</summary>
    public IReadOnlyList<TaskKind> All { get; }

    /// <summary>The task types of <see cref="All"/>.</summary>
    public IEnumerable<TaskType> Types => All.Select(k => k.Type);

    /// <summary>The wire names, comma-separated, for error messages (<c>classify, extract, tool_call, summarize</c>).</summary>
    public string Names { get; }

    /// <summary>This registry plus <paramref name="kind"/>; throws when its task type or message type is registered already.</summary>
    public TaskKindRegistry With(TaskKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (_byType.ContainsKey(kind.Type) || All.Any(k => k.MessageType == kind.MessageType))
        {
            throw new ArgumentException($"A task kind named {kind.WireName} or carried by {kind.MessageType.Name} is registered already.", nameof(kind));
        }

        return new TaskKindRegistry([.. All, kind]);
    }

    /// <summary>The kind of <paramref name="type"/>; throws an <see cref="ArgumentException"/> naming the known kinds.</summary>
    public TaskKind Get(TaskType type) =>
        _byType.TryGetValue(type, out var kind) ? kind : throw new ArgumentException($"Unknown task type '{type}'. Expected one of: {Names}.", nameof(type));

    /// <summary>The kind whose wire name is <paramref name="name"/> (case-insensitive; <c>tool-call</c> reads as <c>tool_call</c>).</summary>
    public bool TryGet(string? name, [NotNullWhen(true)] out TaskKind? kind)
    {
        kind = null;
        return TaskType.TryNormalize(name, out var normalized) && _byType.TryGetValue(TaskType.Named(normalized), out kind);
    }

    /// <summary>The kind carried by the task message type <paramref name="messageType"/>, or null when this registry has none.</summary>
    public TaskKind? Find(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        foreach (var kind in All)
        {
            if (kind.MessageType == messageType)
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>The kind of <paramref name="type"/>, or null when this registry does not serve it.</summary>
    public TaskKind? Find(TaskType type) => _byType.GetValueOrDefault(type);
}

using System.Text.Json.Serialization;

namespace HeteroAgents.Contracts;

/// <summary>
/// The name of a kind of sub-task the SLM fleet serves (one queue and one worker kind per value), written on the wire
/// as its wire name (<c>classify</c>, <c>extract</c>, <c>tool_call</c>, <c>summarize</c>). An open set: what each kind
/// is — message, input reader, result schema, checks — is its <see cref="TaskKind"/> in a <see cref="TaskKindRegistry"/>.
/// </summary>
[JsonConverter(typeof(TaskTypeJsonConverter))]
public readonly struct TaskType : IEquatable<TaskType>, IComparable<TaskType>
{
    private readonly string? _wireName;

    private TaskType(string wireName) => _wireName = wireName;

    /// <summary>Pick one label from a closed set.</summary>
    public static TaskType Classify { get; } = new("classify");

    /// <summary>Fill a caller-supplied JSON schema from a text.</summary>
    public static TaskType Extract { get; } = new("extract");

    /// <summary>Choose one tool from a list and fill its arguments.</summary>
    public static TaskType ToolCall { get; } = new("tool_call");

    /// <summary>Summarize a text within a word budget.</summary>
    public static TaskType Summarize { get; } = new("summarize");

    /// <summary>The wire name used in batch files, queue names and CLI flags (lower-case letters, digits and <c>_</c>).</summary>
    public string WireName => _wireName ?? throw new InvalidOperationException("An uninitialized TaskType has no wire name.");

    /// <summary>Compares two task types by wire name.</summary>
    public static bool operator ==(TaskType left, TaskType right) => left.Equals(right);

    /// <summary>Compares two task types by wire name.</summary>
    public static bool operator !=(TaskType left, TaskType right) => !left.Equals(right);

    /// <summary>Orders task types (built-in types first, in declaration order, then by wire name).</summary>
    public static bool operator <(TaskType left, TaskType right) => left.CompareTo(right) < 0;

    /// <summary>Orders task types (built-in types first, in declaration order, then by wire name).</summary>
    public static bool operator >(TaskType left, TaskType right) => left.CompareTo(right) > 0;

    /// <summary>Orders task types (built-in types first, in declaration order, then by wire name).</summary>
    public static bool operator <=(TaskType left, TaskType right) => left.CompareTo(right) <= 0;

    /// <summary>Orders task types (built-in types first, in declaration order, then by wire name).</summary>
    public static bool operator >=(TaskType left, TaskType right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The task type named <paramref name="wireName"/> (trimmed, lower-cased, <c>-</c> read as <c>_</c>), whether or not a
    /// registry knows it; for a new kind's descriptor. Throws when the name is not 1–64 of <c>[a-z0-9_]</c> starting with a letter.
    /// </summary>
    public static TaskType Named(string wireName) =>
        TryNormalize(wireName, out var normalized)
            ? Builtin(normalized) ?? new TaskType(normalized)
            : throw new ArgumentException($"'{wireName}' is not a task type name: use 1-64 lower-case letters, digits or '_', starting with a letter.", nameof(wireName));

    /// <summary>Normalizes a task type name as <see cref="Named"/> does; false when it is not a valid name.</summary>
    public static bool TryNormalize(string? name, out string normalized)
    {
        normalized = name?.Trim().ToLowerInvariant().Replace('-', '_') ?? string.Empty;
        if (normalized.Length is 0 or > 64 || normalized[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in normalized)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(TaskType other) => string.Equals(_wireName, other._wireName, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TaskType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _wireName is null ? 0 : StringComparer.Ordinal.GetHashCode(_wireName);

    /// <inheritdoc />
    public int CompareTo(TaskType other)
    {
        var rank = Rank(_wireName).CompareTo(Rank(other._wireName));
        return rank != 0 ? rank : string.CompareOrdinal(_wireName, other._wireName);
    }

    /// <summary>The wire name.</summary>
    public override string ToString() => _wireName ?? string.Empty;

    // The built-in types sort first, in their documented order; other kinds after them by name.
    private static int Rank(string? name) => name switch
    {
        "classify" => 0,
        "extract" => 1,
        "tool_call" => 2,
        "summarize" => 3,
        _ => 4,
    };

    private static TaskType? Builtin(string name) => name switch
    {
        "classify" => Classify,
        "extract" => Extract,
        "tool_call" => ToolCall,
        "summarize" => Summarize,
        _ => null,
    };
}

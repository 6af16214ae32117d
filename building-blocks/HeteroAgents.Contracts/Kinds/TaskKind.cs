using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>
/// Everything the layers need to know about one kind of task, in one place: its <see cref="TaskType"/> (wire name and
/// queue), message, input and result types, the reader that turns an <c>input</c> JSON object into the typed input, the
/// result schema, the input rules, the semantic checks on a result, and what a model is asked to do. The layers iterate
/// a <see cref="TaskKindRegistry"/> (parsing, consumers, sending, metrics) or ask a task for its <see cref="ITaskMessage.Kind"/>
/// (validation, schemas, prompts) instead of switching on task types. Derive from <see cref="TaskKind{TTask, TInput}"/>;
/// docs/ARCHITECTURE.md lists what else a new kind needs in each layer.
/// </summary>
public abstract class TaskKind
{
    /// <summary>The task type (wire name).</summary>
    public abstract TaskType Type { get; }

    /// <summary>The wire name, e.g. <c>tool_call</c>.</summary>
    public string WireName => Type.WireName;

    /// <summary>The kebab-case queue name, e.g. <c>hetero-tool-call</c>.</summary>
    public string QueueName => "hetero-" + WireName.Replace('_', '-');

    /// <summary>The task message type, e.g. <see cref="ClassifyTask"/>.</summary>
    public abstract Type MessageType { get; }

    /// <summary>The typed input, e.g. <see cref="ClassifyInput"/>.</summary>
    public abstract Type InputType { get; }

    /// <summary>The typed result (e.g. <see cref="ClassifyResult"/>), or null when the caller's schema is the result's (extract).</summary>
    public abstract Type? ResultType { get; }

    /// <summary>The members the <c>input</c> object may have, in the order the reader reads them.</summary>
    public abstract IReadOnlyList<string> InputMembers { get; }

    /// <summary>
    /// Reads an <c>input</c> JSON object into a task of this kind: unknown members and members of the wrong JSON kind
    /// throw <see cref="InputShapeException"/> naming the field (<c>input.labels</c>); missing members are left null for
    /// <see cref="TaskInputRules"/> to report. The one JSON → task reader (batch lines, plugin calls, escalations).
    /// <paramref name="workloadId"/> is the task's workload (the batch line's <c>workload</c>), or null.
    /// </summary>
    public abstract ITaskMessage ReadTask(Guid taskId, string batchId, string customId, JsonElement input, string? workloadId = null);

    /// <summary>The task's input object (what <see cref="ReadTask"/> reads), or null when the message carries none.</summary>
    public abstract object? InputOf(ITaskMessage task);

    /// <summary>The base result schema (<see cref="ResultSchemas.FromType"/> of <see cref="ResultType"/>, or any object).</summary>
    public JsonObject BaseResultSchema() => ResultType is { } type ? ResultSchemas.FromType(type) : new JsonObject { ["type"] = "object" };

    /// <summary>The result schema narrowed to <paramref name="task"/> (label set, caller's schema, tool list).</summary>
    public abstract JsonObject ResultSchema(ITaskMessage task);

    /// <summary>The problems with <paramref name="task"/>'s input under <paramref name="rules"/> (its limits and schema cache).</summary>
    public abstract IReadOnlyList<InputProblem> CheckInput(ITaskMessage task, TaskInputRules rules);

    /// <summary>The first semantic problem of <paramref name="result"/> (already a schema-valid object) under <paramref name="validator"/>'s settings.</summary>
    public abstract ResultProblem? CheckResult(ITaskMessage task, JsonElement result, TaskResultValidator validator);

    /// <summary>What a model is asked to do with the input, in one or two sentences naming the answer's shape (frontier prompts).</summary>
    public abstract string Instructions(ITaskMessage task);

    /// <summary>The wire name.</summary>
    public override string ToString() => WireName;
}

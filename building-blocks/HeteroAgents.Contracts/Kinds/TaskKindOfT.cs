using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>A <see cref="TaskKind"/> over a task message type and its input type: implement the typed members.</summary>
/// <typeparam name="TTask">The task message type.</typeparam>
/// <typeparam name="TInput">The input type.</typeparam>
public abstract class TaskKind<TTask, TInput> : TaskKind
    where TTask : class, ITaskMessage
    where TInput : class
{
    /// <inheritdoc />
    public sealed override Type MessageType => typeof(TTask);

    /// <inheritdoc />
    public sealed override Type InputType => typeof(TInput);

    /// <summary>The input of a task of this kind (null when a foreign producer sent none).</summary>
    public abstract TInput? Input(TTask task);

    /// <summary>A task of this kind, in <paramref name="workloadId"/>'s workload (null: none).</summary>
    public abstract TTask Create(Guid taskId, string batchId, string customId, TInput input, string? workloadId = null);

    /// <summary>Reads the <c>input</c> object; see <see cref="TaskKind.ReadTask"/>.</summary>
    public abstract TInput ReadInput(JsonElement input);

    /// <summary>The result schema narrowed to <paramref name="input"/>.</summary>
    public abstract JsonObject ResultSchema(TInput input);

    /// <summary>The problems with <paramref name="input"/> (not null) under <paramref name="rules"/>, in field order.</summary>
    public abstract IReadOnlyList<InputProblem> CheckInput(TInput input, TaskInputRules rules);

    /// <summary>The first semantic problem of <paramref name="result"/> for <paramref name="input"/>.</summary>
    public abstract ResultProblem? CheckResult(TInput input, JsonElement result, TaskResultValidator validator);

    /// <summary>What a model is asked to do; see <see cref="TaskKind.Instructions"/>.</summary>
    public abstract string Instructions(TInput input);

    /// <inheritdoc />
    public sealed override ITaskMessage ReadTask(Guid taskId, string batchId, string customId, JsonElement input, string? workloadId = null) =>
        Create(taskId, batchId, customId, ReadInput(input), workloadId);

    /// <inheritdoc />
    public sealed override object? InputOf(ITaskMessage task) => Input(Cast(task));

    /// <inheritdoc />
    public sealed override JsonObject ResultSchema(ITaskMessage task) => ResultSchema(RequireInput(task));

    /// <inheritdoc />
    public sealed override IReadOnlyList<InputProblem> CheckInput(ITaskMessage task, TaskInputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Input(Cast(task)) is not { } input)
        {
            return [new InputProblem("input", TaskErrorCodes.InvalidInput, "input is required and must be an object")];
        }

        return CheckInput(input, rules);
    }

    /// <inheritdoc />
    public sealed override ResultProblem? CheckResult(ITaskMessage task, JsonElement result, TaskResultValidator validator) =>
        CheckResult(RequireInput(task), result, validator);

    /// <inheritdoc />
    public sealed override string Instructions(ITaskMessage task) => Instructions(RequireInput(task));

    private TTask Cast(ITaskMessage task) => task as TTask
        ?? throw new ArgumentException($"A {WireName} task must be a {typeof(TTask).Name}, not {task?.GetType().Name ?? "null"}.", nameof(task));

    private TInput RequireInput(ITaskMessage task) => Input(Cast(task))
        ?? throw new ArgumentException($"The {WireName} task {task.CustomId} has no input.", nameof(task));
}

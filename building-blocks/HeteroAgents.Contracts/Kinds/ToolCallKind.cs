using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>The <c>tool_call</c> kind: choose one tool of a list and fill its arguments.</summary>
public sealed class ToolCallKind : TaskKind<ToolCallTask, ToolCallInput>
{
    private static readonly string[] Fields = ["request", "tools"];
    private static readonly string[] ToolFields = ["name", "description", "parameters"];

    internal ToolCallKind()
    {
    }

    /// <inheritdoc />
    public override TaskType Type => TaskType.ToolCall;

    /// <inheritdoc />
    public override Type? ResultType => typeof(ToolCallResult);

    /// <inheritdoc />
    public override IReadOnlyList<string> InputMembers => Fields;

    /// <inheritdoc />
    public override ToolCallInput? Input(ToolCallTask task) => task.Input;

    /// <inheritdoc />
    public override ToolCallTask Create(Guid taskId, string batchId, string customId, ToolCallInput input, string? workloadId = null) =>
        new(taskId, batchId, customId, input) { WorkloadId = workloadId };

    /// <inheritdoc />
    public override ToolCallInput ReadInput(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", Fields);
        var request = InputFields.OptionalString(input, "input", "request");
        List<ToolDefinition>? tools = null;
        if (InputFields.OptionalArray(input, "input", "tools") is { } array)
        {
            tools = new List<ToolDefinition>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                var path = $"input.tools[{tools.Count}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw InputFields.Invalid(path, $"must be an object with name, description and parameters, not {JsonValues.Kind(item)}");
                }

                InputFields.RejectUnknown(item, path, ToolFields);
                tools.Add(new ToolDefinition(InputFields.OptionalString(item, path, "name")!,
                    InputFields.OptionalString(item, path, "description") ?? string.Empty, InputFields.Raw(item, "parameters")));
            }
        }

        return new ToolCallInput(request!, tools!);
    }

    /// <inheritdoc />
    public override JsonObject ResultSchema(ToolCallInput input) => ResultSchemas.ForToolCall(input);

    /// <inheritdoc />
    public override IReadOnlyList<InputProblem> CheckInput(ToolCallInput input, TaskInputRules rules) => rules.CheckToolCall(input);

    /// <inheritdoc />
    public override ResultProblem? CheckResult(ToolCallInput input, JsonElement result, TaskResultValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return ToolCallResultCheck.Check(input, result, validator.Schemas, validator.ChecksValuesInSource);
    }

    /// <inheritdoc />
    public override string Instructions(ToolCallInput input) =>
        "Choose the one tool that serves the request and fill its arguments from the request. Answer {\"name\": <tool name>, \"arguments\": {...}}.";
}

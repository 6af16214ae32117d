using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>The <c>extract</c> kind: fill the caller's JSON schema from a text (the schema is the result schema).</summary>
public sealed class ExtractKind : TaskKind<ExtractTask, ExtractInput>
{
    private static readonly string[] Fields = ["text", "schema", "instructions"];

    internal ExtractKind()
    {
    }

    /// <inheritdoc />
    public override TaskType Type => TaskType.Extract;

    /// <inheritdoc />
    public override Type? ResultType => null;

    /// <inheritdoc />
    public override IReadOnlyList<string> InputMembers => Fields;

    /// <inheritdoc />
    public override ExtractInput? Input(ExtractTask task) => task.Input;

    /// <inheritdoc />
    public override ExtractTask Create(Guid taskId, string batchId, string customId, ExtractInput input, string? workloadId = null) =>
        new(taskId, batchId, customId, input) { WorkloadId = workloadId };

    /// <inheritdoc />
    public override ExtractInput ReadInput(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", Fields);
        return new ExtractInput(InputFields.OptionalString(input, "input", "text")!, InputFields.Raw(input, "schema"),
            InputFields.OptionalString(input, "input", "instructions"));
    }

    /// <inheritdoc />
    public override JsonObject ResultSchema(ExtractInput input) => ResultSchemas.ForExtract(input);

    /// <inheritdoc />
    public override IReadOnlyList<InputProblem> CheckInput(ExtractInput input, TaskInputRules rules) => rules.CheckExtract(input);

    /// <inheritdoc />
    public override ResultProblem? CheckResult(ExtractInput input, JsonElement result, TaskResultValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return validator.ChecksValuesInSource ? ExtractResultCheck.Check(input, result) : null;
    }

    /// <inheritdoc />
    public override string Instructions(ExtractInput input) =>
        "Extract the fields described by the JSON schema from the text. Use only values stated in the text; leave out fields the text does not state unless the schema requires them.";
}

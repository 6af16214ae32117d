using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>The <c>classify</c> kind: pick one label of a closed set.</summary>
public sealed class ClassifyKind : TaskKind<ClassifyTask, ClassifyInput>
{
    private static readonly string[] Fields = ["text", "labels", "instructions"];

    internal ClassifyKind()
    {
    }

    /// <inheritdoc />
    public override TaskType Type => TaskType.Classify;

    /// <inheritdoc />
    public override Type? ResultType => typeof(ClassifyResult);

    /// <inheritdoc />
    public override IReadOnlyList<string> InputMembers => Fields;

    /// <inheritdoc />
    public override ClassifyInput? Input(ClassifyTask task) => task.Input;

    /// <inheritdoc />
    public override ClassifyTask Create(Guid taskId, string batchId, string customId, ClassifyInput input, string? workloadId = null) =>
        new(taskId, batchId, customId, input) { WorkloadId = workloadId };

    /// <inheritdoc />
    public override ClassifyInput ReadInput(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", Fields);
        return new ClassifyInput(InputFields.OptionalString(input, "input", "text")!,
            InputFields.OptionalStrings(input, "input", "labels")!, InputFields.OptionalString(input, "input", "instructions"));
    }

    /// <inheritdoc />
    public override JsonObject ResultSchema(ClassifyInput input) => ResultSchemas.ForClassify(input);

    /// <inheritdoc />
    public override IReadOnlyList<InputProblem> CheckInput(ClassifyInput input, TaskInputRules rules) => rules.CheckClassify(input);

    /// <inheritdoc />
    public override ResultProblem? CheckResult(ClassifyInput input, JsonElement result, TaskResultValidator validator) =>
        ClassifyResultCheck.Check(input, result);

    /// <inheritdoc />
    public override string Instructions(ClassifyInput input) =>
        "Classify the text into exactly one of the given labels. Answer {\"label\": <one of the labels>}.";
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>The <c>summarize</c> kind: summarize a text within a word budget.</summary>
public sealed class SummarizeKind : TaskKind<SummarizeTask, SummarizeInput>
{
    private static readonly string[] Fields = ["text", "max_words"];

    internal SummarizeKind()
    {
    }

    /// <inheritdoc />
    public override TaskType Type => TaskType.Summarize;

    /// <inheritdoc />
    public override Type? ResultType => typeof(SummarizeResult);

    /// <inheritdoc />
    public override IReadOnlyList<string> InputMembers => Fields;

    /// <inheritdoc />
    public override SummarizeInput? Input(SummarizeTask task) => task.Input;

    /// <inheritdoc />
    public override SummarizeTask Create(Guid taskId, string batchId, string customId, SummarizeInput input, string? workloadId = null) =>
        new(taskId, batchId, customId, input) { WorkloadId = workloadId };

    /// <inheritdoc />
    public override SummarizeInput ReadInput(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", Fields);
        var text = InputFields.OptionalString(input, "input", "text");
        return InputFields.OptionalInt(input, "input", "max_words") is { } maxWords ? new SummarizeInput(text!, maxWords) : new SummarizeInput(text!);
    }

    /// <inheritdoc />
    public override JsonObject ResultSchema(SummarizeInput input) => BaseResultSchema();

    /// <inheritdoc />
    public override IReadOnlyList<InputProblem> CheckInput(SummarizeInput input, TaskInputRules rules) => rules.CheckSummarize(input);

    /// <inheritdoc />
    public override ResultProblem? CheckResult(SummarizeInput input, JsonElement result, TaskResultValidator validator)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return SummarizeResultCheck.Check(input, result, validator.ChecksValuesInSource ? validator.MinSummaryFaithfulness : null);
    }

    /// <inheritdoc />
    public override string Instructions(SummarizeInput input) => string.Create(CultureInfo.InvariantCulture,
        $"Summarize the text in at most {input.MaxWords} words. Answer {{\"summary\": <the summary>}}.");
}

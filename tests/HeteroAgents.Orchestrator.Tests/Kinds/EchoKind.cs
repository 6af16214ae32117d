using System.Text.Json;
using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>
/// A task kind that exists only in this test: repeat the input text. It is the whole Contracts-layer change a new kind
/// needs (its descriptor); the worker layer adds <see cref="EchoPromptBuilder"/>; every other layer iterates the registry.
/// </summary>
public sealed class EchoKind : TaskKind<EchoTask, EchoInput>
{
    public const string EchoMatches = "echo_matches";

    private EchoKind()
    {
    }

    public static EchoKind Instance { get; } = new();

    public override TaskType Type { get; } = TaskType.Named("echo");

    public override Type? ResultType => typeof(EchoResult);

    public override IReadOnlyList<string> InputMembers { get; } = ["text"];

    public override EchoInput? Input(EchoTask task) => task.Input;

    public override EchoTask Create(Guid taskId, string batchId, string customId, EchoInput input, string? workloadId = null) =>
        new(taskId, batchId, customId, input) { WorkloadId = workloadId };

    public override EchoInput ReadInput(JsonElement input)
    {
        foreach (var member in input.EnumerateObject())
        {
            if (member.Name != "text")
            {
                throw new InputShapeException(TaskErrorCodes.InvalidInput, "input." + member.Name, $"input.{member.Name} is not a field of an echo task (expected: text)");
            }
        }

        return new EchoInput(input.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : null!);
    }

    public override JsonObject ResultSchema(EchoInput input) => BaseResultSchema();

    public override IReadOnlyList<InputProblem> CheckInput(EchoInput input, TaskInputRules rules)
    {
        var problems = new List<InputProblem>();
        rules.CheckText(input.Text, "input.text", problems);
        return problems;
    }

    public override ResultProblem? CheckResult(EchoInput input, JsonElement result, TaskResultValidator validator) =>
        result.TryGetProperty("echo", out var echo) && echo.GetString() == input.Text ? null : new ResultProblem(EchoMatches, "the echo differs from the text");

    public override string Instructions(EchoInput input) => "Repeat the text exactly. Answer {\"echo\": <the text>}.";
}

using HeteroAgents.Testing.Tasks;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Tests.Pipeline;

/// <summary>The worker validates with Contracts' <see cref="TaskInputRules"/> and <see cref="TaskResultValidator"/>, not rules of its own.</summary>
public sealed class SharedValidationTests
{
    [Fact]
    public async Task Bad_inputs_fail_with_exactly_the_shared_rules_error_and_never_reach_the_model()
    {
        var chat = new ScriptedChatClient();
        await using var worker = await WorkerHarness.StartAsync(chat);
        var toolCall = SampleTasks.ToolCall(customId: "t-dup");
        ITaskMessage[] bad =
        [
            SampleTasks.Classify(customId: "c-one", labels: ["only-one"]),
            SampleTasks.Extract(schema: """{"type":"object"}""", customId: "e-noprops"),
            SampleTasks.Extract(schema: """{"type":"object","properties":{"a":{"type":"strin"}}}""", customId: "e-type"),
            toolCall with { Input = toolCall.Input with { Tools = [.. toolCall.Input.Tools, toolCall.Input.Tools[0]] } },
            SampleTasks.Summarize(maxWords: 5000, customId: "s-big"),
        ];

        foreach (var task in bad)
        {
            var expected = TaskInputRules.Default.FirstProblem(task);
            Assert.NotNull(expected);

            var failed = Assert.IsType<TaskFailed>(await RunAsync(worker, task));

            Assert.Equal(expected.ToTaskError(), failed.Error);
        }

        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task A_result_failing_a_semantic_check_escalates_with_the_shared_validators_problem()
    {
        var chat = new ScriptedChatClient().Reply("""{"order_number":"B-9999"}""");
        await using var worker = await WorkerHarness.StartAsync(chat);
        var task = SampleTasks.Extract();

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(task));

        var expected = TaskResultValidator.Default.Validate(task, SampleTasks.Json("""{"order_number":"B-9999"}"""));
        Assert.Equal(EscalationReason.SemanticInvalid, escalated.Reason);
        Assert.Equal(expected.Problem?.ToString(), escalated.Detail);
    }

    [Fact]
    public async Task The_schema_cache_is_sized_by_the_worker_option()
    {
        await using var worker = await WorkerHarness.StartAsync(new ScriptedChatClient(), new Dictionary<string, string?> { ["Hetero:Worker:SchemaCacheSize"] = "7" });

        Assert.Equal(7, worker.Services.GetRequiredService<JsonSchemaCache>().Capacity);
        Assert.NotSame(TaskInputRules.Default, worker.Services.GetRequiredService<TaskInputRules>());
    }

    private static Task<ITaskOutcome> RunAsync(WorkerHarness worker, ITaskMessage task) => task switch
    {
        ClassifyTask c => worker.RunAsync(c),
        ExtractTask e => worker.RunAsync(e),
        ToolCallTask t => worker.RunAsync(t),
        SummarizeTask s => worker.RunAsync(s),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };
}

using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests.Dispatch;

/// <summary>How the client treats each worker answer (a stand-in worker on the test harness).</summary>
public sealed class HeteroTaskClientTests
{
    private static readonly ClassifyTask Task1 = new(TaskIds.Create("sk-t", "c1"), "sk-t", "c1", new ClassifyInput("My parcel is late.", ["refund", "shipping"]));

    private static Task<HarnessHost> StartAsync(Func<ClassifyTask, object> answer, ScriptedFrontierChatClient? frontier = null) =>
        HarnessHost.StartAsync(
            frontier,
            configureBus: (bus, _) => bus.AddConsumer<FakeClassifyWorker>(),
            configureServices: s => s.AddSingleton(new FakeClassifyWorkerScript(answer)));

    private static TaskCompleted Completed(ClassifyTask t, string json) =>
        new(t.TaskId, t.BatchId, t.CustomId, TaskType.Classify, JsonDocument.Parse(json).RootElement.Clone(), "slm:fake", 0.9, new TaskUsage(10, 2), 3);

    [Fact]
    public async Task A_worker_result_that_does_not_validate_is_treated_as_a_schema_invalid_escalation()
    {
        await using var host = await StartAsync(t => Completed(t, """{"label":"bogus"}"""));
        var client = host.Services.GetRequiredService<HeteroTaskClient>();

        var ex = await Assert.ThrowsAsync<TaskEscalatedException>(() => client.SendAsync(Task1));

        Assert.Equal(EscalationReason.SchemaInvalid, ex.Reason);
        Assert.Contains("bogus", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_frontier_the_invalid_worker_result_is_replaced_by_the_frontiers()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        await using var host = await StartAsync(t => Completed(t, """{"label":"bogus"}"""), frontier);

        var result = await host.Services.GetRequiredService<HeteroTaskClient>().SendAsync(Task1);

        Assert.Equal("shipping", result.ResultAs<ClassifyResult>().Label);
        Assert.Equal(EscalationReason.SchemaInvalid, result.Escalation!.Reason);
        Assert.True(result.Escalation.Resolved);
    }

    [Fact]
    public async Task A_valid_worker_result_is_returned_as_is()
    {
        await using var host = await StartAsync(t => Completed(t, """{"label":"shipping"}"""));

        var result = await host.Services.GetRequiredService<HeteroTaskClient>().SendAsync(Task1);

        Assert.Equal(new ClassifyResult("shipping"), result.ResultAs<ClassifyResult>());
        Assert.Equal("slm:fake", result.ServedBy);
        Assert.Equal(0.9, result.Confidence);
        Assert.Null(result.Escalation);
        Assert.False(result.ServedByFrontier);
    }

    [Fact]
    public async Task A_TaskFailed_answer_surfaces_as_TaskFailedException_with_its_code()
    {
        await using var host = await StartAsync(t => new TaskFailed(t.TaskId, t.BatchId, t.CustomId, TaskType.Classify,
            new TaskError("invalid_input", "input.labels: duplicate label", Field: "input.labels")));

        var ex = await Assert.ThrowsAsync<TaskFailedException>(() => host.Services.GetRequiredService<HeteroTaskClient>().SendAsync(Task1));

        Assert.Equal("invalid_input", ex.Code);
        Assert.Contains("duplicate label", ex.Message, StringComparison.Ordinal);
    }
}

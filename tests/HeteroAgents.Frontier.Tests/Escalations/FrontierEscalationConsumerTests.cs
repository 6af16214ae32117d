using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.Tests.Fakes;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Plugins.Tests.Escalation;

public sealed class FrontierEscalationConsumerTests
{
    private static TaskEscalated Escalation(string batchId) => new(
        TaskIds.Create(batchId, "t7"), batchId, "t7", TaskType.Classify, EscalationReason.LowConfidence, "confidence 0.31 is below 0.8",
        JsonSerializer.SerializeToElement(new ClassifyInput("The box arrived crushed.", ["refund", "shipping", "other"]), HeteroJson.Options),
        """{"label":"other"}""", "slm:tiny-slm", 0.31, new TaskUsage(40, 6), 12);

    private static Task<HarnessHost> StartAsync(ScriptedFrontierChatClient frontier) =>
        HarnessHost.StartAsync(frontier, configureBus: (bus, configuration) =>
        {
            Assert.True(bus.AddFrontierEscalationConsumer(configuration, force: true));
            bus.AddConsumer<RecordingOutcomeConsumer>();
        });

    [Fact]
    public async Task A_batch_escalation_is_resolved_and_published_as_completed_by_the_frontier()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        await using var host = await StartAsync(frontier);

        await host.Harness.Bus.Publish(Escalation("batch-42"));

        Assert.True(await host.Harness.Published.Any<TaskCompleted>());
        var context = host.Harness.Published.Select<TaskCompleted>().Single().Context;
        var completed = context.Message;
        Assert.Equal("low_confidence", context.Headers.Get<string>(FrontierEscalationHeaders.Reason));
        Assert.Equal("confidence 0.31 is below 0.8", context.Headers.Get<string>(FrontierEscalationHeaders.Detail));
        Assert.Equal(TaskIds.Create("batch-42", "t7"), completed.TaskId);
        Assert.Equal("t7", completed.CustomId);
        Assert.Equal("frontier:scripted-frontier", completed.ServedBy);
        Assert.Equal("shipping", completed.Result.GetProperty("label").GetString());
        Assert.Equal(new TaskUsage(80, 12), completed.Usage);
        Assert.False(await host.Harness.Published.Any<TaskFailed>());

        // A recorder reads the resolved escalation back from the headers.
        Assert.True(await host.Harness.Consumed.Any<TaskCompleted>());
        Assert.Equal(new EscalationInfo(EscalationReason.LowConfidence, "confidence 0.31 is below 0.8", Resolved: true), RecordingOutcomeConsumer.Seen[completed.TaskId]);
    }

    [Fact]
    public async Task A_frontier_answer_that_is_not_JSON_is_published_as_failed_with_frontier_error()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("shipping, I think") };
        await using var host = await StartAsync(frontier);

        await host.Harness.Bus.Publish(Escalation("batch-43"));

        Assert.True(await host.Harness.Published.Any<TaskFailed>());
        var failed = host.Harness.Published.Select<TaskFailed>().Single().Context.Message;
        Assert.Equal("frontier_error", failed.Error.Code);
        Assert.Contains("invalid_json", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal("t7", failed.CustomId);
        Assert.False(await host.Harness.Published.Any<TaskCompleted>());
    }

    [Fact]
    public async Task A_refusal_is_published_as_failed_with_the_reason()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Refusal("policy") };
        await using var host = await StartAsync(frontier);

        await host.Harness.Bus.Publish(Escalation("batch-44"));

        Assert.True(await host.Harness.Published.Any<TaskFailed>());
        Assert.Contains("refusal", host.Harness.Published.Select<TaskFailed>().Single().Context.Message.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escalations_of_plugin_sessions_are_left_to_the_plugin()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        await using var host = await StartAsync(frontier);

        await host.Harness.Bus.Publish(Escalation("sk-session-1"));

        Assert.True(await host.Harness.Consumed.Any<TaskEscalated>());
        Assert.False(await host.Harness.Published.Any<TaskCompleted>());
        Assert.False(await host.Harness.Published.Any<TaskFailed>());
        Assert.Empty(frontier.Requests);
    }

    [Fact]
    public void The_consumer_is_not_registered_without_a_frontier_model()
    {
        var none = new ConfigurationBuilder().Build();
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Frontier:Model"] = "gpt-x" }).Build();
        var registrations = new List<bool>();

        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddMassTransitTestHarness(x =>
        {
            registrations.Add(x.AddFrontierEscalationConsumer(none));
            registrations.Add(x.AddFrontierEscalationConsumer(configured));
        });

        Assert.Equal([false, true], registrations);
    }
}

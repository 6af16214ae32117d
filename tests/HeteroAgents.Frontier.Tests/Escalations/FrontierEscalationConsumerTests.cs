using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Frontier.Tests.Escalations;

public sealed class FrontierEscalationConsumerTests
{
    private static TaskEscalated Escalation(string batchId) => new(
        TaskIds.Create(batchId, "t7"), batchId, "t7", TaskType.Classify, EscalationReason.LowConfidence, "confidence 0.31 is below 0.8",
        JsonSerializer.SerializeToElement(new ClassifyInput("The box arrived crushed.", ["refund", "shipping", "other"]), HeteroJson.Options),
        """{"label":"other"}""", "slm:tiny-slm", 0.31, new TaskUsage(40, 6), 12);

    /// <summary>The frontier (scripted) registered first, then the bus: the consumer is added because a frontier is.</summary>
    private static async Task<(ServiceProvider Services, ITestHarness Harness)> StartAsync(ScriptedFrontierChatClient frontier)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddHeteroFrontier(_ => frontier);
        services.AddMassTransitTestHarness(bus => Assert.True(bus.AddFrontierEscalationConsumer()));
        var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestInactivityTimeout = TimeSpan.FromSeconds(2);
        await harness.Start();
        return (provider, harness);
    }

    [Fact]
    public async Task A_batch_escalation_is_resolved_and_published_as_completed_with_the_escalation_in_the_contract()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Escalation("batch-42"));

        Assert.True(await harness.Published.Any<TaskCompleted>());
        var completed = harness.Published.Select<TaskCompleted>().Single().Context.Message;
        Assert.Equal(TaskIds.Create("batch-42", "t7"), completed.TaskId);
        Assert.Equal("t7", completed.CustomId);
        Assert.Equal("frontier:scripted-frontier", completed.ServedBy);
        Assert.Equal("shipping", completed.Result.GetProperty("label").GetString());
        Assert.Equal(new TaskUsage(80, 12), completed.Usage);
        Assert.Equal(ContractVersion.Current, completed.SchemaVersion);
        Assert.Equal(new EscalationInfo(EscalationReason.LowConfidence, "confidence 0.31 is below 0.8", Resolved: true), completed.Escalation);
        Assert.False(await harness.Published.Any<TaskFailed>());
        await harness.Stop();
    }

    [Fact]
    public async Task A_frontier_answer_that_is_not_JSON_is_published_as_failed_with_frontier_error_and_the_escalation()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("shipping, I think") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Escalation("batch-43"));

        Assert.True(await harness.Published.Any<TaskFailed>());
        var failed = harness.Published.Select<TaskFailed>().Single().Context.Message;
        Assert.Equal("frontier_error", failed.Error.Code);
        Assert.Contains("invalid_json", failed.Error.Message, StringComparison.Ordinal);
        Assert.Equal("t7", failed.CustomId);
        Assert.Equal(new EscalationInfo(EscalationReason.LowConfidence, "confidence 0.31 is below 0.8", Resolved: false), failed.Escalation);
        Assert.False(await harness.Published.Any<TaskCompleted>());
        await harness.Stop();
    }

    [Fact]
    public async Task A_refusal_is_published_as_failed_with_the_reason()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Refusal("policy") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Escalation("batch-44"));

        Assert.True(await harness.Published.Any<TaskFailed>());
        Assert.Contains("refusal", harness.Published.Select<TaskFailed>().Single().Context.Message.Error.Message, StringComparison.Ordinal);
        await harness.Stop();
    }

    [Fact]
    public async Task Escalations_of_plugin_sessions_are_left_to_the_plugin()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Escalation(PluginSession.Prefix + "session-1"));

        Assert.True(await harness.Consumed.Any<TaskEscalated>());
        Assert.False(await harness.Published.Any<TaskCompleted>());
        Assert.False(await harness.Published.Any<TaskFailed>());
        Assert.Empty(frontier.Requests);
        await harness.Stop();
    }

    [Fact]
    public void The_consumer_is_registered_only_when_the_services_registered_so_far_have_a_frontier_model()
    {
        var none = new ConfigurationBuilder().Build();
        var configured = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Frontier:Model"] = "gpt-x" }).Build();
        var registrations = new List<bool>();

        new ServiceCollection().AddHeteroFrontier(none).AddMassTransitTestHarness(x => registrations.Add(x.AddFrontierEscalationConsumer()));
        new ServiceCollection().AddHeteroFrontier(configured).AddMassTransitTestHarness(x => registrations.Add(x.AddFrontierEscalationConsumer()));
        new ServiceCollection().AddMassTransitTestHarness(x => registrations.Add(x.AddFrontierEscalationConsumer()));

        Assert.Equal([false, true, false], registrations);
    }
}

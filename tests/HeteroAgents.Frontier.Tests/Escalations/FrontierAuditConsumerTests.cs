using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Frontier.Tests.Escalations;

public sealed class FrontierAuditConsumerTests
{
    private static TaskAuditRequested Audit(string batchId) => new(
        new TaskCompleted(TaskIds.Create(batchId, "t9"), batchId, "t9", TaskType.Classify, JsonDocument.Parse("""{"label":"refund"}""").RootElement,
            "slm:tiny-slm", 0.93, new TaskUsage(40, 6), 12)
        {
            Routing = new RoutingInfo("policy-3", "tickets", 0.7, "label_tokens", null, Audit: true),
        },
        JsonSerializer.SerializeToElement(new ClassifyInput("Where is my money back?", ["refund", "shipping", "other"]), HeteroJson.Options));

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
    public async Task The_frontier_answers_the_audited_task_tagged_with_the_slm_answer_and_the_slm_result_is_published_unchanged()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;
        var audit = Audit("batch-50");

        await harness.Bus.Publish(audit);

        Assert.True(await harness.Published.Any<TaskCompleted>());
        var completed = harness.Published.Select<TaskCompleted>().Single().Context.Message;
        Assert.Equal("slm:tiny-slm", completed.ServedBy);
        Assert.Equal("refund", completed.Result.GetProperty("label").GetString());
        Assert.Equal(audit.Completed.Routing, completed.Routing);
        var (messages, options) = Assert.Single(frontier.Requests);
        Assert.Contains("Where is my money back?", messages.Last().Text, StringComparison.Ordinal);
        var context = FlywheelCallContext.From(options);
        Assert.Equal(new AuditedAnswer("""{"label":"refund"}""", "slm:tiny-slm", 0.93), context.Audit);
        Assert.Equal(("classify", "tickets", null), (context.TaskType, context.WorkloadId, context.EscalationReason));
        await harness.Stop();
    }

    [Fact]
    public async Task A_failed_audit_still_publishes_the_slm_result()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("not json at all") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Audit("batch-51"));

        Assert.True(await harness.Published.Any<TaskCompleted>());
        Assert.Equal("slm:tiny-slm", harness.Published.Select<TaskCompleted>().Single().Context.Message.ServedBy);
        Assert.False(await harness.Published.Any<TaskFailed>());
        await harness.Stop();
    }

    [Fact]
    public async Task Audits_of_plugin_sessions_are_left_to_the_plugin()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"refund"}""") };
        var (services, harness) = await StartAsync(frontier);
        await using var _ = services;

        await harness.Bus.Publish(Audit(PluginSession.Prefix + "session-2"));

        Assert.True(await harness.Consumed.Any<TaskAuditRequested>());
        Assert.False(await harness.Published.Any<TaskCompleted>());
        Assert.Empty(frontier.Requests);
        await harness.Stop();
    }
}

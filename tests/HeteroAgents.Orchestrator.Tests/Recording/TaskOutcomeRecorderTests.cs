using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Recording;
using HeteroAgents.Orchestrator.Store;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Tests.Recording;

/// <summary>The outcome recorder on MassTransit's test harness: outcomes become output lines, redeliveries change nothing.</summary>
public sealed class TaskOutcomeRecorderTests
{
    internal static async Task<(ServiceProvider Provider, ITestHarness Harness, InMemoryBatchStore Store)> StartAsync(FrontierAvailability? frontier = null)
    {
        var store = new InMemoryBatchStore();
        var provider = new ServiceCollection()
            .AddSingleton<IBatchStore>(store)
            .AddSingleton(frontier ?? FrontierAvailability.NotConfigured)
            .AddOptions()
            .Configure<MessagingOptions>(_ => { })
            .AddMassTransitTestHarness(x => x.AddConsumer<TaskOutcomeRecorder, TaskOutcomeRecorderDefinition>())
            .BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        return (provider, harness, store);
    }

    internal static async Task<List<BatchOutputLine>> LinesAsync(IBatchStore store, string batchId)
    {
        var lines = new List<BatchOutputLine>();
        await foreach (var line in store.ReadOutputAsync(batchId, default))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task Each_outcome_kind_becomes_its_output_line()
    {
        var (provider, harness, store) = await StartAsync();
        await using var _ = provider;
        await store.CreateAsync("b", "in", DateTimeOffset.UnixEpoch, default);
        using var result = JsonDocument.Parse("""{"label":"refund"}""");

        await harness.Bus.Publish(new TaskCompleted(TaskIds.Create("b", "c"), "b", "c", TaskType.Classify, result.RootElement.Clone(), "slm:m", 0.8, new TaskUsage(3, 1), 5));
        await harness.Bus.Publish(new TaskEscalated(TaskIds.Create("b", "e"), "b", "e", TaskType.Extract, EscalationReason.SemanticInvalid, "value not in text",
            result.RootElement.Clone(), "{}", "slm:m", null, TaskUsage.None, 7));
        await harness.Bus.Publish(new TaskFailed(TaskIds.Create("b", "f"), "b", "f", TaskType.Summarize, new TaskError("invalid_input", "bad")));
        Assert.True(await harness.Consumed.Any<TaskFailed>());
        Assert.True(await harness.Consumed.Any<TaskEscalated>());
        Assert.True(await harness.Consumed.Any<TaskCompleted>());
        await harness.InactivityTask;

        var lines = (await LinesAsync(store, "b")).ToDictionary(l => l.CustomId);
        Assert.Equal(BatchTaskStatus.Completed, lines["c"].Status);
        Assert.Equal("refund", lines["c"].Result!.Value.GetProperty("label").GetString());
        Assert.Equal(BatchTaskStatus.Escalated, lines["e"].Status);
        Assert.Equal(EscalationReason.SemanticInvalid, lines["e"].Escalation!.Reason);
        Assert.False(lines["e"].Escalation!.Resolved);
        Assert.Equal(BatchTaskStatus.Failed, lines["f"].Status);
        Assert.Equal("invalid_input", lines["f"].Error!.Code);
    }

    [Fact]
    public async Task Redelivered_outcomes_never_produce_a_second_line()
    {
        var (provider, harness, store) = await StartAsync();
        await using var _ = provider;
        await store.CreateAsync("b", "in", DateTimeOffset.UnixEpoch, default);
        using var result = JsonDocument.Parse("""{"summary":"late parcel"}""");
        var completed = new TaskCompleted(TaskIds.Create("b", "s"), "b", "s", TaskType.Summarize, result.RootElement.Clone(), "slm:first", null, TaskUsage.None, 1);

        for (var i = 0; i < 5; i++)
        {
            await harness.Bus.Publish(completed with { ServedBy = $"slm:copy{i}" });
        }

        await harness.InactivityTask;

        var line = Assert.Single(await LinesAsync(store, "b"));
        Assert.StartsWith("slm:copy", line.ServedBy, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetAsync("b", default))!.Counts.Completed);
    }
}

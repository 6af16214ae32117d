using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Recording;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Frontier;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Tests.Recording;

/// <summary>The outcome recorder appends batch escalations to the flywheel log and leaves plugin sessions' to the plugin.</summary>
public sealed class TaskOutcomeRecorderEscalationLogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-recorder-flywheel-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static TaskEscalated Escalated(string batchId, string customId) => new(
        TaskIds.Create(batchId, customId), batchId, customId, TaskType.Classify, EscalationReason.LowConfidence, "p=0.40 < 0.70",
        JsonDocument.Parse("""{"text":"where is my parcel","labels":["refund","shipping"]}""").RootElement.Clone(),
        """{"label":"refund"}""", "slm:m", 0.4, new TaskUsage(30, 4), 9);

    [Fact]
    public async Task Batch_escalations_are_logged_once_with_prompt_and_schema_and_plugin_sessions_are_not()
    {
        var store = new InMemoryBatchStore();
        var log = new JsonlFrontierCallLog(_directory);
        await using (var provider = new ServiceCollection()
            .AddSingleton<IBatchStore>(store)
            .AddSingleton<IEscalationLog>(new FlywheelEscalationLog(log))
            .AddOptions()
            .Configure<MessagingOptions>(_ => { })
            .AddMassTransitTestHarness(x => x.AddConsumer<TaskOutcomeRecorder, TaskOutcomeRecorderDefinition>())
            .BuildServiceProvider(true))
        {
            var harness = provider.GetRequiredService<ITestHarness>();
            await harness.Start();
            await store.CreateAsync("b", "in", DateTimeOffset.UnixEpoch, default);

            await harness.Bus.Publish(Escalated("b", "e1"));
            await harness.Bus.Publish(Escalated(PluginSession.Prefix + "session-1", "e2"));
            Assert.True(await harness.Consumed.Any<TaskEscalated>(m => m.Context.Message.CustomId == "e1"));
            Assert.True(await harness.Consumed.Any<TaskEscalated>(m => m.Context.Message.CustomId == "e2"));
            await harness.InactivityTask;
        }

        await log.DisposeAsync();
        var records = await FrontierCallLogReader.ReadListAsync(_directory);
        var record = Assert.Single(records);
        Assert.Equal((FrontierCallStatus.Escalated, "b", TaskIds.Create("b", "e1").ToString("D")), (record.Status, record.BatchId, record.TaskId));
        Assert.Equal("""{"label":"refund"}""", record.SlmOutput);
        Assert.Contains(record.Messages, m => m.Role == "user" && m.Content.Contains("where is my parcel", StringComparison.Ordinal));
        Assert.NotEqual("none", record.SchemaFingerprint);
        var line = Assert.Single(await ReadAsync(store, "b"));
        Assert.Equal(BatchTaskStatus.Escalated, line.Status);
    }

    private static async Task<List<BatchOutputLine>> ReadAsync(IBatchStore store, string batchId)
    {
        var lines = new List<BatchOutputLine>();
        await foreach (var line in store.ReadOutputAsync(batchId, default))
        {
            lines.Add(line);
        }

        return lines;
    }
}

using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Orchestrator.Recording;
using MassTransit;

namespace HeteroAgents.Orchestrator.Tests.Recording;

/// <summary>
/// The escalation that preceded a frontier outcome: contract version 2 carries it in the message, version 1 carried it in
/// transport headers. The recorder writes the batch line's <c>escalation</c> object from either.
/// </summary>
public sealed class TaskOutcomeRecorderContractVersionTests
{
    private static readonly EscalationInfo Resolved = new(EscalationReason.LowConfidence, "confidence 0.31 is below 0.8", Resolved: true);

    private static TaskCompleted Completed(string customId, JsonElement result) =>
        new(TaskIds.Create("b", customId), "b", customId, TaskType.Classify, result, "frontier:big", null, new TaskUsage(80, 12), 40);

    private static TaskFailed Failed(string customId) =>
        new(TaskIds.Create("b", customId), "b", customId, TaskType.Classify, new TaskError("frontier_error", "invalid_json", Field: "result"));

    [Fact]
    public async Task Version_2_outcomes_carry_the_escalation_in_the_message_and_version_1_outcomes_in_headers()
    {
        var (provider, harness, store) = await TaskOutcomeRecorderTests.StartAsync(FrontierAvailability.Configured);
        await using var _ = provider;
        await store.CreateAsync("b", "in", DateTimeOffset.UnixEpoch, default);
        using var result = JsonDocument.Parse("""{"label":"shipping"}""");

        await harness.Bus.Publish(Completed("v2-completed", result.RootElement.Clone()) with { Escalation = Resolved });
        await harness.Bus.Publish(Failed("v2-failed") with { Escalation = Resolved with { Resolved = false } });
        await harness.Bus.Publish(Completed("v1-completed", result.RootElement.Clone()) with { SchemaVersion = 1 }, (PublishContext<TaskCompleted> c) => V1Headers(c));
        await harness.Bus.Publish(Failed("v1-failed") with { SchemaVersion = 1 }, (PublishContext<TaskFailed> c) => V1Headers(c));
        await harness.Bus.Publish(Completed("slm-completed", result.RootElement.Clone()) with { ServedBy = "slm:tiny" });
        Assert.True(await harness.Consumed.Any<TaskCompleted>(m => m.Context.Message.CustomId == "slm-completed"));
        await harness.InactivityTask;

        var lines = (await TaskOutcomeRecorderTests.LinesAsync(store, "b")).ToDictionary(l => l.CustomId);
        Assert.Equal(5, lines.Count);
        Assert.Equal(Resolved, lines["v2-completed"].Escalation);
        Assert.Equal(Resolved, lines["v1-completed"].Escalation);
        Assert.Equal(Resolved with { Resolved = false }, lines["v2-failed"].Escalation);
        Assert.Equal(Resolved with { Resolved = false }, lines["v1-failed"].Escalation);
        Assert.Null(lines["slm-completed"].Escalation);
        Assert.Equal(BatchTaskStatus.Failed, lines["v1-failed"].Status);
    }

    [Fact]
    public void A_version_1_message_without_the_escalation_field_still_reads()
    {
        const string v1 = """
            {"task_id":"7d5d3c1e-3f56-5a8e-9b1f-2a1e0c0d9b11","batch_id":"b","custom_id":"c","task_type":"classify",
             "result":{"label":"refund"},"served_by":"frontier:big","confidence":null,"usage":{"input_tokens":1,"output_tokens":2},
             "latency_ms":3,"schema_version":1}
            """;

        var message = JsonSerializer.Deserialize<TaskCompleted>(v1, HeteroJson.Options)!;

        Assert.Equal(1, message.SchemaVersion);
        Assert.Null(message.Escalation);
        Assert.True(ContractVersion.IsSupported(message.SchemaVersion));
        Assert.Equal(2, ContractVersion.Current);
    }

    private static void V1Headers(PublishContext context)
    {
        context.Headers.Set(EscalationHeadersV1.Reason, "low_confidence");
        context.Headers.Set(EscalationHeadersV1.Detail, "confidence 0.31 is below 0.8");
    }
}

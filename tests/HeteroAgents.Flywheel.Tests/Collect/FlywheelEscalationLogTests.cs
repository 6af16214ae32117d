using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Flywheel.Tests.Collect;

public sealed class FlywheelEscalationLogTests
{
    private static readonly Guid TaskId = Guid.Parse("0b7f3c52-1f4e-4a8e-9a53-6d1f0f7f1a01");
    private static readonly JsonElement Schema = SyntheticLog.Schema(SyntheticLog.SentimentSchema);

    private static TaskEscalated Escalated(Guid? taskId = null) => new(
        taskId ?? TaskId, "batch-7", "t42", TaskType.Classify, EscalationReason.LowConfidence, "label probability 0.41 < 0.70",
        JsonDocument.Parse("""{"text":"The blender broke after two days","labels":["positive","negative"]}""").RootElement.Clone(),
        """{"label":"positive"}""", "slm:smollm2-360m", 0.41, new TaskUsage(120, 6), 85);

    private static readonly ChatMessage[] Prompt = [new(ChatRole.System, "Classify the text."), new(ChatRole.User, "Task input (JSON): {...}")];

    [Fact]
    public async Task An_escalation_is_appended_with_task_type_reason_slm_output_input_workload_fingerprint_and_timestamp()
    {
        var log = new InMemoryFrontierCallLog();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 9, 30, 0, TimeSpan.Zero));
        var writer = new FlywheelEscalationLog(log, new FlywheelLoggingOptions(), time);

        var written = await writer.AppendAsync(Escalated(), Prompt, Schema, "reviews");

        var record = Assert.Single(log.Records);
        Assert.Same(written, record);
        Assert.True(record.IsEscalation());
        Assert.Equal(FrontierCallStatus.Escalated, record.Status);
        Assert.Equal(("classify", "reviews", "batch-7"), (record.TaskType, record.WorkloadId, record.BatchId));
        Assert.Equal(TaskId.ToString("D"), record.TaskId);
        Assert.Equal(EscalationReason.LowConfidence, record.EscalationReason);
        Assert.Equal("label probability 0.41 < 0.70", record.EscalationDetail);
        Assert.Equal("""{"label":"positive"}""", record.SlmOutput);
        Assert.Equal(("slm:smollm2-360m", 0.41), (record.ServedBy, record.Confidence));
        Assert.Equal("The blender broke after two days", record.Input!.Value.GetProperty("text").GetString());
        Assert.Equal(CanonicalJson.Fingerprint(Schema), record.SchemaFingerprint);
        Assert.NotEqual("none", record.SchemaFingerprint);
        Assert.Equal(time.GetUtcNow(), record.Timestamp);
        Assert.Equal((85L, 120L, 6L), (record.LatencyMs, record.InputTokens, record.OutputTokens));
        Assert.Null(record.Output);
        Assert.Equal(["system", "user"], record.Messages.Select(m => m.Role));
    }

    [Fact]
    public void An_escalation_record_round_trips_through_its_JSON_line()
    {
        var record = FlywheelEscalationLog.CreateRecord(Escalated(), Prompt, Schema, null, DateTimeOffset.UnixEpoch);

        var line = record.ToJsonLine();
        var parsed = FrontierCallRecord.Parse(line, "test");

        Assert.Contains("\"status\":\"escalated\"", line, StringComparison.Ordinal);
        Assert.Contains("\"slm_output\":", line, StringComparison.Ordinal);
        Assert.Equal(record.TaskId, parsed.TaskId);
        Assert.Equal(record.SlmOutput, parsed.SlmOutput);
        Assert.Equal(record.EscalationDetail, parsed.EscalationDetail);
        Assert.Equal(record.Input!.Value.GetRawText(), parsed.Input!.Value.GetRawText());
        Assert.True(parsed.IsEscalation());
    }

    [Fact]
    public void A_frontier_call_record_written_before_escalation_records_existed_still_parses_as_a_frontier_call()
    {
        var old = new SyntheticLog(3).ReviewSentiment().ToJsonLine()
            .Replace(",\"task_id\":null", "", StringComparison.Ordinal)
            .Replace(",\"schema_fingerprint\":null", "", StringComparison.Ordinal)
            .Replace(",\"input\":null,\"slm_output\":null,\"served_by\":null,\"escalation_detail\":null,\"confidence\":null", "", StringComparison.Ordinal);

        var parsed = FrontierCallRecord.Parse(old, "old");

        Assert.DoesNotContain("slm_output", old, StringComparison.Ordinal);
        Assert.False(parsed.IsEscalation());
        Assert.Null(parsed.TaskId);
    }

    [Fact]
    public void Scrubbing_an_escalation_record_cleans_its_input_slm_output_and_detail()
    {
        var escalated = Escalated() with
        {
            Input = JsonDocument.Parse("""{"text":"Refund to jane.doe@example.com please","labels":["refund","other"]}""").RootElement.Clone(),
            RawOutput = """{"label":"refund","note":"call +44 20 7946 0958"}""",
            Detail = "label jane.doe@example.com not in set",
        };
        var record = FlywheelEscalationLog.CreateRecord(escalated, Prompt, Schema, null, DateTimeOffset.UnixEpoch);
        var counts = new Dictionary<PiiType, long>();

        var scrubbed = RecordScrubber.Scrub(record, new PiiScrubber(), counts);

        Assert.Equal("Refund to <EMAIL> please", scrubbed.Input!.Value.GetProperty("text").GetString());
        Assert.Equal("refund", scrubbed.Input.Value.GetProperty("labels")[0].GetString());
        Assert.Equal("""{"label":"refund","note":"call <PHONE>"}""", scrubbed.SlmOutput);
        Assert.Equal("label <EMAIL> not in set", scrubbed.EscalationDetail);
        Assert.Equal((2L, 1L), (counts[PiiType.Email], counts[PiiType.Phone]));
    }

    [Fact]
    public async Task The_opt_out_writes_nothing_and_never_opens_the_log()
    {
        var services = new ServiceCollection()
            .AddSingleton<IFrontierCallLog>(_ => throw new InvalidOperationException("the log must not be opened when logging is off"))
            .BuildServiceProvider();
        var writer = new FlywheelEscalationLog(services, Microsoft.Extensions.Options.Options.Create(new FlywheelLoggingOptions { Enabled = false }));

        var written = await writer.AppendAsync(Escalated(), Prompt, Schema, null);

        Assert.False(writer.Enabled);
        Assert.Null(written);
    }

    [Fact]
    public async Task A_failing_log_is_reported_and_swallowed_unless_configured_to_fail()
    {
        var lenient = new FlywheelEscalationLog(new InMemoryFrontierCallLog(failAppends: true));
        var strict = new FlywheelEscalationLog(new InMemoryFrontierCallLog(failAppends: true), new FlywheelLoggingOptions { FailCallOnLogError = true });

        Assert.Null(await lenient.AppendAsync(Escalated(), null, null, null));
        await Assert.ThrowsAsync<IOException>(async () => await strict.AppendAsync(Escalated(), null, null, null));
    }

    [Fact]
    public async Task AddFlywheel_registers_a_writer_over_the_configured_JSONL_log()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Hetero:Flywheel:Logging:DataDirectory"] = dir.Path })
            .Build();
        await using var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddFlywheel()
            .BuildServiceProvider();

        await services.GetRequiredService<FlywheelEscalationLog>().AppendAsync(Escalated(), Prompt, Schema, "reviews");
        await services.GetRequiredService<FlywheelEscalationLog>().AppendAsync(Escalated(Guid.NewGuid()), Prompt, Schema, "reviews");
        (services.GetRequiredService<IFrontierCallLog>() as IDisposable)?.Dispose();

        var records = await FrontierCallLogReader.ReadListAsync(dir.Path);
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal(FrontierCallStatus.Escalated, r.Status));
    }
}

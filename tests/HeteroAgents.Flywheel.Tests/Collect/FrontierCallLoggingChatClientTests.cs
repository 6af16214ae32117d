using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Frontier;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Flywheel.Tests.Collect;

public sealed class FrontierCallLoggingChatClientTests
{
    private static readonly JsonElement Schema = SyntheticLog.Schema(SyntheticLog.SentimentSchema);

    private static readonly CostAccountingOptions Prices = new()
    {
        Prices = new(StringComparer.OrdinalIgnoreCase) { ["gpt-4o-mini"] = new ModelPrice { InputPerMillion = 0.15m, OutputPerMillion = 0.60m } },
    };

    private static ChatOptions RequestOptions() => new FlywheelCallContext("classify", "tickets", EscalationReason.LowConfidence, "batch-7", "trace-1")
        .WithFlywheelContext(new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "result"),
            AdditionalProperties = new() { ["api_key"] = "sk-secret-123" },
        });

    private static List<ChatMessage> Prompt() => [new(ChatRole.System, "Classify the review."), new(ChatRole.User, "It broke after two days.")];

    [Fact]
    public async Task A_call_is_logged_with_context_schema_usage_latency_and_cost_and_no_secrets()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        await using var log = new JsonlFrontierCallLog(dir.Path, time);
        var frontier = ScriptedChatClient.FromAnswers(request =>
        {
            var options = request.Options;
            time.Advance(TimeSpan.FromMilliseconds(250));
            Assert.DoesNotContain(options!.AdditionalProperties!.Keys, k => k.StartsWith("hetero.flywheel.", StringComparison.Ordinal));
            return new ScriptedAnswer("{\"label\":\"negative\"}", Model: "gpt-4o-mini-2024-07-18", InputTokens: 1000, OutputTokens: 10);
        });
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log, timeProvider: time).UseCostAccounting(Prices).Build();

        var response = await client.GetResponseAsync(Prompt(), RequestOptions());

        Assert.Equal("{\"label\":\"negative\"}", response.Text);
        var record = Assert.Single(await FrontierCallLogReader.ReadListAsync(dir.Path));
        Assert.Equal(FrontierCallStatus.Ok, record.Status);
        Assert.Equal(("classify", "tickets", "batch-7", "trace-1"), (record.TaskType, record.WorkloadId, record.BatchId, record.TraceId));
        Assert.Equal(EscalationReason.LowConfidence, record.EscalationReason);
        Assert.Equal("gpt-4o-mini-2024-07-18", record.Model);
        Assert.Equal(["system", "user"], record.Messages.Select(m => m.Role));
        Assert.Equal("It broke after two days.", record.Messages[1].Content);
        Assert.Equal(CanonicalJson.Canonicalize(Schema), CanonicalJson.Canonicalize(record.ResponseSchema!.Value));
        Assert.Equal("{\"label\":\"negative\"}", record.Output);
        Assert.Equal((1000L, 10L, 250L), (record.InputTokens, record.OutputTokens, record.LatencyMs));
        Assert.Equal((1000 * 0.15m + 10 * 0.60m) / 1_000_000m, record.CostUsd);
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero), record.Timestamp);
        Assert.False(record.Streaming);

        var text = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(dir.Path)));
        Assert.DoesNotContain("sk-secret-123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("api_key", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audit_call_is_logged_with_the_audited_slm_answer_next_to_the_frontiers()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(request =>
        {
            Assert.DoesNotContain(request.Options?.AdditionalProperties?.Keys ?? [], k => k.StartsWith("hetero.flywheel.", StringComparison.Ordinal));
            return new ScriptedAnswer("{\"label\":\"negative\"}", Model: "gpt-4o-mini", InputTokens: 90, OutputTokens: 6);
        });
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).Build();
        var options = new FlywheelCallContext("classify", "tickets", Audit: new AuditedAnswer("{\"label\":\"positive\"}", "slm:smollm2", 0.91))
            .WithFlywheelContext(new ChatOptions { ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema, "result") });

        await client.GetResponseAsync(Prompt(), options);

        var record = Assert.Single(log.Records);
        Assert.True(record.Audit);
        Assert.Null(record.EscalationReason);
        Assert.Equal(("{\"label\":\"negative\"}", "{\"label\":\"positive\"}", "slm:smollm2", 0.91), (record.Output, record.SlmOutput, record.ServedBy, record.Confidence));
        var parsed = FrontierCallRecord.Parse(record.ToJsonLine(), "test");
        Assert.True(parsed.Audit);
        Assert.Equal(record.SlmOutput, parsed.SlmOutput);
    }

    [Fact]
    public async Task A_streaming_call_is_logged_once_with_the_whole_answer_and_usage()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("the parcel is late", Model: "gpt-4o-mini", InputTokens: 40, OutputTokens: 4));
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).UseCostAccounting(Prices).Build();

        var text = "";
        await foreach (var update in client.GetStreamingResponseAsync(Prompt(), RequestOptions()))
        {
            text += update.Text;
        }

        Assert.Equal("the parcel is late", text);
        var record = Assert.Single(log.Records);
        Assert.True(record.Streaming);
        Assert.Equal(FrontierCallStatus.Ok, record.Status);
        Assert.Equal("the parcel is late", record.Output);
        Assert.Equal((40L, 4L), (record.InputTokens, record.OutputTokens));
        Assert.Equal((40 * 0.15m + 4 * 0.60m) / 1_000_000m, record.CostUsd);
    }

    [Fact]
    public async Task Failed_calls_are_logged_and_the_error_reaches_the_caller()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("one two three four", Throw: new TimeoutException("frontier timed out")));
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).Build();

        await Assert.ThrowsAsync<TimeoutException>(() => client.GetResponseAsync(Prompt(), RequestOptions()));
        await Assert.ThrowsAsync<TimeoutException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Prompt(), RequestOptions()))
            {
            }
        });

        Assert.Equal(2, log.Records.Count);
        Assert.All(log.Records, r => Assert.Equal((FrontierCallStatus.Failed, "TimeoutException: frontier timed out"), (r.Status, r.Error)));
        Assert.Null(log.Records[0].Output);
        Assert.Equal("one two", log.Records[1].Output); // what streamed before the failure
    }

    [Fact]
    public async Task Credentials_echoed_in_an_error_are_redacted()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("", Throw: new HttpRequestException(
            "401 for https://x.example/v1/chat?api-key=abc123secret (Authorization: Bearer sk-proj-ABCDEFGHIJKLMNOPQRSTUV)")));
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).Build();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync(Prompt()));

        var error = Assert.Single(log.Records).Error!;
        Assert.DoesNotContain("abc123secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ABCDEFGHIJKLMNOP", error, StringComparison.Ordinal);
        Assert.Contains("api-key=" + HeteroAgents.Security.SecretRedactor.Mask, error, StringComparison.Ordinal);
        Assert.StartsWith("HttpRequestException: 401 for https://x.example/v1/chat?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_the_caller_abandons_is_logged_as_incomplete()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("a b c d e f"));
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log).Build();

        await foreach (var update in client.GetStreamingResponseAsync(Prompt(), RequestOptions()))
        {
            break;
        }

        var record = Assert.Single(log.Records);
        Assert.Equal(FrontierCallStatus.Failed, record.Status);
        Assert.Contains("stopped reading", record.Error, StringComparison.Ordinal);
        Assert.Equal("a", record.Output);
    }

    [Fact]
    public async Task Logging_can_be_switched_off()
    {
        var log = new InMemoryFrontierCallLog();
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("{}"));
        using var client = new ChatClientBuilder(frontier).UseFlywheelLogging(log, new FlywheelLoggingOptions { Enabled = false }).Build();

        await client.GetResponseAsync(Prompt());

        Assert.Empty(log.Records);
        Assert.Null(client.GetService<FrontierCallLoggingChatClient>());
    }

    [Fact]
    public async Task A_failing_log_does_not_fail_the_call_unless_configured_to()
    {
        var frontier = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("{}"));
        using var tolerant = new ChatClientBuilder(frontier).UseFlywheelLogging(new InMemoryFrontierCallLog(failAppends: true)).Build();
        using var strict = new ChatClientBuilder(frontier)
            .UseFlywheelLogging(new InMemoryFrontierCallLog(failAppends: true), new FlywheelLoggingOptions { FailCallOnLogError = true }).Build();

        Assert.Equal("{}", (await tolerant.GetResponseAsync(Prompt())).Text);
        await Assert.ThrowsAsync<IOException>(() => strict.GetResponseAsync(Prompt()));
    }
}

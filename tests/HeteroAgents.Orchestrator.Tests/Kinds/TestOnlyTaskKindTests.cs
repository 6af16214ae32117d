using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Batches;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Prompts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>
/// Adding a task kind touches one place per layer: a kind that exists only in this test (<see cref="EchoKind"/>, plus
/// its prompt builder) goes from a batch line through the parser, the send, the worker's consumer and pipeline (input
/// rules, result schema, semantic check), the outcome recorder and the escalation reader, on the real in-memory bus.
/// </summary>
public sealed class TestOnlyTaskKindTests
{
    private static readonly TaskKindRegistry Kinds = TaskKindRegistry.Default.With(EchoKind.Instance);

    [Fact]
    public async Task A_test_only_kind_flows_from_batch_line_to_output_line()
    {
        var chat = new ScriptedChatClient(request =>
        {
            // The worker sends each kind's own result schema: the echo kind's, or the classify task's label set.
            var schema = Assert.IsType<Microsoft.Extensions.AI.ChatResponseFormatJson>(request.Options?.ResponseFormat).Schema!.Value;
            var text = request.UserText;
            var answer = schema.GetProperty("properties").TryGetProperty("echo", out _)
                ? JsonSerializer.Serialize(new { echo = text == "say wrong" ? "something else" : text })
                : """{"label":"shipping"}""";
            return ScriptedChatClient.CreateResponse(answer, confidence: 0.95);
        });
        using var host = BuildHost(chat);
        await host.StartAsync();
        var directory = Directory.CreateTempSubdirectory("hetero-kind-");
        try
        {
            var input = Path.Combine(directory.FullName, "in.jsonl");
            await File.WriteAllLinesAsync(input,
            [
                """{"custom_id":"e1","task":"echo","input":{"text":"hello fleet"}}""",
                """{"custom_id":"e2","task":"echo","input":{"text":"  "}}""",
                """{"custom_id":"e3","task":"echo","input":{"txt":"typo"}}""",
                """{"custom_id":"e4","task":"echo","input":{"text":"say wrong"}}""",
                """{"custom_id":"c1","task":"classify","input":{"text":"where is my parcel","labels":["shipping","refund"]}}""",
                """{"custom_id":"x1","task":"translate","input":{"text":"hola"}}""",
            ]);
            var batchId = BatchSubmitter.NewBatchId(TimeProvider.System);
            var submission = host.Services.GetRequiredService<BatchSubmitter>().SubmitAsync(batchId, input, throttleOnOutcomes: true, new SubmitProgress(), CancellationToken.None);
            await host.Services.GetRequiredService<BatchMonitor>().WaitAsync(batchId, submission, _ => { }, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            await submission;

            var lines = new Dictionary<string, BatchOutputLine>();
            await foreach (var line in host.Services.GetRequiredService<IBatchStore>().ReadOutputAsync(batchId, CancellationToken.None))
            {
                lines[line.CustomId] = line;
            }

            Assert.Equal(6, lines.Count);
            Assert.Equal(BatchTaskStatus.Completed, lines["e1"].Status);
            Assert.Equal("echo", lines["e1"].Task);
            Assert.Equal("hello fleet", lines["e1"].Result!.Value.GetProperty("echo").GetString());
            Assert.Equal(("echo", "input.text"), (lines["e2"].Task, lines["e2"].Error!.Field));
            Assert.Equal("input.txt", lines["e3"].Error!.Field);
            Assert.Equal(BatchTaskStatus.Escalated, lines["e4"].Status);
            Assert.Contains(EchoKind.EchoMatches, lines["e4"].Escalation!.Detail, StringComparison.Ordinal);
            Assert.Equal(BatchTaskStatus.Completed, lines["c1"].Status);
            Assert.Contains("expected one of classify, extract, tool_call, summarize, echo", lines["x1"].Error!.Message, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_escalation_reader_rebuilds_a_test_only_task_with_its_kinds_reader()
    {
        var input = JsonSerializer.SerializeToElement(new EchoInput("hello"), HeteroJson.Options);
        var escalated = new TaskEscalated(TaskIds.Create("b", "e1"), "b", "e1", EchoKind.Instance.Type, EscalationReason.LowConfidence, "low", input, "{}", "slm:x", 0.2, TaskUsage.None, 1);

        var task = Assert.IsType<EchoTask>(EscalationResolver.ToTask(escalated, Kinds));
        Assert.Equal("hello", task.Input.Text);
        Assert.Throws<ArgumentException>(() => EscalationResolver.ToTask(escalated));
        Assert.Contains("Repeat the text", EscalationResolver.FrontierPrompt(task)[0].Text, StringComparison.Ordinal);
    }

    private static IHost BuildHost(ScriptedChatClient chat)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Batch:PollInterval"] = "00:00:00.020",
            ["Hetero:Slm:Backend"] = "scripted",
            ["Hetero:Slm:Model"] = "scripted-model",
        });
        builder.Services.AddSingleton(FrontierAvailability.NotConfigured);
        builder.Services.AddHeteroOrchestrator(builder.Configuration);
        builder.Services.AddHeteroMessaging(builder.Configuration, bus =>
        {
            bus.AddHeteroOutcomeRecorder();
            bus.AddHeteroTaskConsumers(Kinds);
        });
        builder.Services.AddHeteroWorker(builder.Configuration);
        builder.Services.AddHeteroChatBackend("scripted", (_, _) => chat);
        builder.Services.AddSingleton<IPromptBuilder<EchoTask>, EchoPromptBuilder>();
        return builder.Build();
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Tests.Routing;
using HeteroAgents.Worker.Tests.Support;

namespace HeteroAgents.Worker.Tests.Pipeline;

/// <summary>The confidence gate and the grounding checks in the worker pipeline, with default settings unless a test says otherwise.</summary>
public sealed class TaskProcessorRoutingTests
{
    [Fact]
    public async Task By_default_an_unsure_answer_escalates_low_confidence_and_echoes_the_policy()
    {
        await using var worker = await WorkerHarness.StartAsync(new ScriptedChatClient().Reply("""{"label":"shipping"}""", confidence: 0.4));

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.LowConfidence, escalated.Reason);
        Assert.Equal("check confidence failed: confidence 0.4 is below the threshold 0.7 (policy builtin-1, built-in)", escalated.Detail);
        Assert.Equal(new RoutingInfo("builtin-1", null, 0.7, "backend", null), escalated.Routing);
    }

    [Fact]
    public async Task By_default_an_answer_without_probabilities_escalates_and_turning_the_gate_off_completes_it()
    {
        var answer = """{"label":"shipping"}""";
        await using (var gated = await WorkerHarness.StartAsync(new ScriptedChatClient().Reply(answer)))
        {
            var escalated = Assert.IsType<TaskEscalated>(await gated.RunAsync(SampleTasks.Classify()));
            Assert.Equal(EscalationReason.LowConfidence, escalated.Reason);
            Assert.Contains("confidence unknown", escalated.Detail, StringComparison.Ordinal);
        }

        await using var off = await WorkerHarness.StartAsync(new ScriptedChatClient().Reply(answer), new Dictionary<string, string?> { ["Hetero:Worker:ConfidenceThreshold"] = "0" });
        var completed = Assert.IsType<TaskCompleted>(await off.RunAsync(SampleTasks.Classify()));
        Assert.Null(completed.Confidence);
        Assert.Equal(new RoutingInfo("builtin-1", null, null, "unknown", null), completed.Routing);
    }

    [Fact]
    public async Task A_confident_grounded_extraction_completes_with_a_confidence_per_field()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        await using var worker = await WorkerHarness.StartAsync(chat: null, new Dictionary<string, string?> { ["Hetero:Slm:Endpoint"] = server.BaseAddress.ToString() });

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Extract()));

        Assert.Equal("value_tokens", completed.Routing?.ConfidenceSource);
        Assert.Equal(["$.order_number", "$.email"], completed.Routing!.FieldConfidence!.Keys);
        Assert.All(completed.Routing.FieldConfidence.Values, c => Assert.InRange(c, 0.98, 0.99));
        Assert.Equal(completed.Routing.FieldConfidence.Values.Min(), completed.Confidence);
    }

    [Theory]
    [InlineData("""{"order_number":"A-1234","email":"jane@example.com","total":130}""", "check number_in_source failed: $.total = 130 does not appear among the source's numbers")]
    [InlineData("""{"order_number":"A-9999"}""", "check value_in_source failed: $.order_number = \"A-9999\" does not appear in the source text")]
    [InlineData("""{"order_number":"A-1234","total":-1600019325105E11932}""", "check finite_number failed: $.total = -1600019325105E11932 is not a finite number")]
    public async Task A_confident_answer_with_values_absent_from_the_source_escalates_semantic_invalid(string answer, string detail)
    {
        await using var worker = await WorkerHarness.StartAsync(new ScriptedChatClient().Reply(answer, confidence: 0.99));

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Extract(
            schema: """{"type":"object","properties":{"order_number":{"type":"string"},"email":{"type":"string"},"total":{"type":"number"}},"required":["order_number"]}""")));

        Assert.Equal(EscalationReason.SemanticInvalid, escalated.Reason);
        Assert.StartsWith(detail, escalated.Detail, StringComparison.Ordinal);
        Assert.Equal(0.99, escalated.Confidence);
    }

    [Fact]
    public async Task A_policy_file_decides_the_threshold_per_workload_and_its_version_is_echoed()
    {
        var path = RoutingTestPolicies.WriteFile("""
            {"version":"2026-12-05.2","defaults":{"classify":{"min_confidence":0.3}},"workloads":{"billing":{"classify":{"min_confidence":0.9}}}}
            """);
        await using var worker = await WorkerHarness.StartAsync(new ScriptedChatClient(_ => ScriptedChatClient.CreateResponse("""{"label":"shipping"}""", confidence: 0.4)),
            new Dictionary<string, string?> { ["Hetero:Routing:PolicyFile"] = path });

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Classify()));
        Assert.Equal(new RoutingInfo("2026-12-05.2", null, 0.3, "backend", null), completed.Routing);

        var billing = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify(customId: "c-billing") with { WorkloadId = "billing" }));
        Assert.Equal(new RoutingInfo("2026-12-05.2", "billing", 0.9, "backend", null), billing.Routing);
        Assert.EndsWith("(policy 2026-12-05.2, workloads.billing.classify.min_confidence)", billing.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unrelated_summary_escalates_and_a_faithful_one_completes_with_its_grounding_score()
    {
        var task = SampleTasks.Summarize(maxWords: 12);
        await using var worker = await WorkerHarness.StartAsync(new ScriptedChatClient()
            .Reply("""{"summary":"Quarterly marketing budget approved by the finance committee."}""")
            .Reply("""{"summary":"Blue kettle arrived broken; replacement wanted, not a refund."}"""), types: TaskType.Summarize);

        var unrelated = Assert.IsType<TaskEscalated>(await worker.RunAsync(task));
        Assert.Equal(EscalationReason.SemanticInvalid, unrelated.Reason);
        Assert.StartsWith("check summary_faithfulness failed: 0 of 6 content words", unrelated.Detail, StringComparison.Ordinal);

        var faithful = Assert.IsType<TaskCompleted>(await worker.RunAsync(task with { TaskId = TaskIds.Create(SampleTasks.BatchId, "s-2") }));
        Assert.Equal(1.0, faithful.Confidence);
        Assert.Equal("grounding", faithful.Routing?.ConfidenceSource);
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Confidence;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Routing;

namespace HeteroAgents.Worker.Tests.Routing;

public sealed class ConfidenceGateTests
{
    private static ConfidenceGate Gate(double? threshold = null, string? policy = null) =>
        new(RoutingTestPolicies.Provider(policy), Microsoft.Extensions.Options.Options.Create(new WorkerOptions { ConfidenceThreshold = threshold }));

    private static ConfidenceEstimate Confidence(double? value) => value is null ? ConfidenceEstimate.Unknown : new(value, ConfidenceSources.Backend);

    [Theory]
    [InlineData(0.69, true)]
    [InlineData(0.7, false)]
    [InlineData(0.99, false)]
    public void By_default_an_unsure_classification_escalates_and_a_confident_one_completes(double confidence, bool escalates)
    {
        var decision = Gate().Decide(SampleTasks.Classify(), Confidence(confidence));

        Assert.Equal(escalates, decision.Escalate);
        Assert.Equal(new RoutingInfo(RoutingPolicy.BuiltInVersion, null, 0.7, ConfidenceSources.Backend, null), decision.Routing);
        if (escalates)
        {
            Assert.Equal("check confidence failed: confidence 0.69 is below the threshold 0.7 (policy builtin-1, built-in)", decision.Detail);
        }
    }

    [Fact]
    public void An_unknown_confidence_escalates_by_default_naming_the_policy_setting()
    {
        var decision = Gate().Decide(SampleTasks.Extract(), Confidence(null));

        Assert.True(decision.Escalate);
        Assert.Equal("check confidence failed: confidence unknown (the backend reported no probabilities) and policy builtin-1 has unknown_confidence = escalate for extract", decision.Detail);
        Assert.Equal(ConfidenceSources.Unknown, decision.Routing.ConfidenceSource);
    }

    [Fact]
    public void The_weakest_value_is_named_when_the_task_has_several()
    {
        var estimate = new ConfidenceEstimate(0.3, ConfidenceSources.ValueTokens, new Dictionary<string, double> { ["$.order_id"] = 0.3, ["$.qty"] = 0.9 });

        var decision = Gate().Decide(SampleTasks.Extract(), estimate);

        Assert.EndsWith("(policy builtin-1, built-in); weakest value $.order_id (0.3)", decision.Detail, StringComparison.Ordinal);
        Assert.Same(estimate.Fields, decision.Routing.FieldConfidence);
    }

    [Fact]
    public void A_policy_file_sets_thresholds_per_workload_and_task_type()
    {
        var gate = Gate(policy: """
            {"version":"p7","defaults":{"classify":{"min_confidence":0.3,"unknown_confidence":"complete"}},
             "workloads":{"strict":{"classify":{"min_confidence":0.95}}}}
            """);

        Assert.False(gate.Decide(SampleTasks.Classify(), Confidence(0.4)).Escalate);
        Assert.False(gate.Decide(SampleTasks.Classify(), Confidence(null)).Escalate);
        var strict = gate.Decide(SampleTasks.Classify() with { WorkloadId = "strict" }, Confidence(0.9));
        Assert.True(strict.Escalate);
        Assert.Contains("(policy p7, workloads.strict.classify.min_confidence)", strict.Detail, StringComparison.Ordinal);
        Assert.Equal(new RoutingInfo("p7", "strict", 0.95, ConfidenceSources.Backend, null), strict.Routing);
    }

    [Fact]
    public void A_confidence_threshold_setting_replaces_every_min_confidence_and_zero_turns_the_gate_off()
    {
        var fixedGate = Gate(threshold: 0.9);
        var decision = fixedGate.Decide(SampleTasks.Summarize(), new ConfidenceEstimate(0.85, ConfidenceSources.Grounding));
        Assert.True(decision.Escalate);
        Assert.Contains("below the threshold 0.9 (Hetero:Worker:ConfidenceThreshold)", decision.Detail, StringComparison.Ordinal);

        var off = Gate(threshold: 0);
        foreach (var estimate in new[] { Confidence(null), Confidence(0.01) })
        {
            var passed = off.Decide(SampleTasks.Classify(), estimate);
            Assert.False(passed.Escalate);
            Assert.Null(passed.Routing.Threshold);
        }
    }

    [Fact]
    public void Completed_answers_are_picked_for_audit_by_the_policys_share_the_same_way_every_time()
    {
        var gate = Gate(policy: """{"version":"a","defaults":{"classify":{"audit_share":0.25}}}""");
        var tasks = Enumerable.Range(0, 400).Select(i => SampleTasks.Classify(customId: "audit-" + i)).ToList();

        var picked = tasks.Count(t => gate.Decide(t, Confidence(0.9)).Routing.Audit);

        Assert.InRange(picked, 70, 130);
        Assert.All(tasks, t => Assert.Equal(gate.Decide(t, Confidence(0.9)).Routing.Audit, AuditSampler.Picks(t.TaskId, 0.25)));
        Assert.False(gate.Decide(tasks[0], Confidence(0.1)).Routing.Audit); // escalated answers are not audited
        Assert.DoesNotContain(tasks, t => Gate().Decide(t, Confidence(0.9)).Routing.Audit);
    }
}

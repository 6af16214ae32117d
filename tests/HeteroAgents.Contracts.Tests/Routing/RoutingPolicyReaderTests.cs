namespace HeteroAgents.Contracts.Tests.Routing;

public sealed class RoutingPolicyReaderTests
{
    private const string Policy = """
        {
          // written by hand; comments are allowed
          "version": "2026-12-05.1",
          "description": "tighter extraction for invoices",
          "x-generated-by": "hetero flywheel",
          "defaults": {
            "classify": {"min_confidence": 0.8},
            "summarize": {"min_confidence": 0.65, "unknown_confidence": "complete"}
          },
          "workloads": {
            "invoices": {"extract": {"min_confidence": 0.9, "audit_share": 0.05}, "description": "AP team"},
            "chat": {"classify": {"unknown_confidence": "complete"}}
          }
        }
        """;

    [Fact]
    public void A_valid_policy_is_read_with_its_version_defaults_and_workloads()
    {
        var policy = RoutingPolicyReader.Read(Policy);

        Assert.Equal("2026-12-05.1", policy.Version);
        Assert.Equal(0.8, policy.Defaults[TaskType.Classify].MinConfidence);
        Assert.Equal(0.9, policy.Workloads["invoices"][TaskType.Extract].MinConfidence);
        Assert.Equal(0.05, policy.Workloads["invoices"][TaskType.Extract].AuditShare);
    }

    [Fact]
    public void Settings_resolve_workload_then_defaults_then_built_in_and_name_where_the_threshold_was_set()
    {
        var policy = RoutingPolicyReader.Read(Policy);

        var invoices = policy.Resolve("invoices", TaskType.Extract);
        Assert.Equal(new AppliedRoutingRule("2026-12-05.1", "invoices", 0.9, UnknownConfidenceAction.Escalate, 0.05, "workloads.invoices.extract.min_confidence"), invoices);

        var chat = policy.Resolve("chat", TaskType.Classify);
        Assert.Equal((0.8, UnknownConfidenceAction.Complete, "defaults.classify.min_confidence"), (chat.MinConfidence, chat.UnknownConfidence, chat.MinConfidenceKey));

        var other = policy.Resolve("unknown-workload", TaskType.ToolCall);
        Assert.Equal((0.6, UnknownConfidenceAction.Escalate, 0.0, "built-in"), (other.MinConfidence, other.UnknownConfidence, other.AuditShare, other.MinConfidenceKey));
        Assert.Equal(policy.Resolve(null, TaskType.Summarize), policy.Resolve("invoices", TaskType.Summarize) with { Workload = null });
    }

    [Theory]
    [InlineData("""{"defaults":{}}""", "version: is missing")]
    [InlineData("""{"version":"  "}""", "version: must be a non-empty string")]
    [InlineData("""{"version":"1","defaults":{"classfy":{"min_confidence":0.5}}}""", "defaults.classfy: unknown task type 'classfy' (known: classify, extract, tool_call, summarize)")]
    [InlineData("""{"version":"1","defaults":{"Classify":{}}}""", "defaults.Classify: unknown task type")]
    [InlineData("""{"version":"1","workloads":{"inv":{"extract":{"min_confidence":1.5}}}}""", "workloads.inv.extract.min_confidence: 1.5 is outside [0, 1]")]
    [InlineData("""{"version":"1","defaults":{"extract":{"min_confidence":-0.1}}}""", "defaults.extract.min_confidence: -0.1 is outside [0, 1]")]
    [InlineData("""{"version":"1","defaults":{"extract":{"min_confidence":"high"}}}""", "defaults.extract.min_confidence: must be a number in [0, 1]; got \"high\"")]
    [InlineData("""{"version":"1","defaults":{"extract":{"audit_share":2}}}""", "defaults.extract.audit_share: 2 is outside [0, 1]")]
    [InlineData("""{"version":"1","defaults":{"extract":{"unknown_confidence":"ignore"}}}""", "defaults.extract.unknown_confidence: must be \"escalate\" or \"complete\"")]
    [InlineData("""{"version":"1","defaults":{"extract":{"threshold":0.5}}}""", "defaults.extract.threshold: unknown setting (known: min_confidence, unknown_confidence, audit_share, model, examples)")]
    [InlineData("""{"version":"1","thresholds":{}}""", "thresholds: unknown key")]
    [InlineData("""{"version":"1","workloads":[]}""", "workloads: must be an object of workload ids")]
    [InlineData("""{"version":"1","workloads":{"":{}}}""", "workloads: has an empty workload id")]
    [InlineData("""[1]""", "(document): must be a JSON object")]
    [InlineData("{\n  \"version\": \"1\",\n  \"defaults\": {,}\n}", "line 3, position")]
    public void An_invalid_policy_is_rejected_naming_the_key_at_fault(string json, string expected)
    {
        var ex = Assert.Throws<RoutingPolicyException>(() => RoutingPolicyReader.Read(json));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_policy_written_as_json_reads_back_the_same()
    {
        var policy = RoutingPolicyReader.Read(Policy);

        var again = RoutingPolicyReader.Read(policy.ToJson());

        Assert.Equal(policy.Version, again.Version);
        foreach (var workload in new[] { null, "invoices", "chat", "other" })
        {
            foreach (var type in TaskTypes.All)
            {
                Assert.Equal(policy.Resolve(workload, type), again.Resolve(workload, type));
            }
        }
    }

    [Fact]
    public void The_built_in_policy_gates_every_task_type_and_escalates_unknown_confidence_except_for_summaries()
    {
        foreach (var type in TaskTypes.All)
        {
            var rule = RoutingPolicy.BuiltIn.Resolve(null, type);
            Assert.InRange(rule.MinConfidence, 0.6, 0.7);
            Assert.Equal(type == TaskType.Summarize ? UnknownConfidenceAction.Complete : UnknownConfidenceAction.Escalate, rule.UnknownConfidence);
            Assert.Equal(0, rule.AuditShare);
            Assert.Equal(RoutingPolicy.BuiltInVersion, rule.PolicyVersion);
        }
    }
}

namespace HeteroAgents.Contracts.Tests.Routing;

public sealed class RoutingPolicyModelTests
{
    [Fact]
    public void A_model_is_read_resolved_per_workload_and_written_back()
    {
        var policy = RoutingPolicyReader.Read("""
            {"version": "v1", "workloads": {"tickets": {"classify": {"min_confidence": 0.5, "model": "slm-v2"}}}}
            """);

        Assert.Equal("slm-v2", policy.Resolve("tickets", TaskType.Classify).Model);
        Assert.Null(policy.Resolve("billing", TaskType.Classify).Model);
        Assert.Null(policy.Resolve(null, TaskType.Classify).Model);
        var again = RoutingPolicyReader.Read(policy.ToJson());
        Assert.Equal("slm-v2", again.Workloads["tickets"][TaskType.Classify].Model);
        Assert.Equal(0.5, again.Workloads["tickets"][TaskType.Classify].MinConfidence);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("42")]
    public void An_empty_or_non_string_model_is_rejected_naming_the_key(string value)
    {
        var ex = Assert.Throws<RoutingPolicyException>(() => RoutingPolicyReader.Read(
            "{\"version\": \"v1\", \"workloads\": {\"tickets\": {\"classify\": {\"model\": " + value + "}}}}"));

        Assert.StartsWith("workloads.tickets.classify.model: must be a non-empty model name", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_replaces_one_rule_and_keeps_the_others()
    {
        var policy = RoutingPolicyReader.Read("""
            {"version": "v1", "defaults": {"extract": {"min_confidence": 0.8}},
             "workloads": {"tickets": {"classify": {"min_confidence": 0.5, "audit_share": 0.1}, "extract": {"min_confidence": 0.9}}}}
            """);

        var next = policy.With("v2", "tickets", TaskType.Classify, policy.RuleAt("tickets", TaskType.Classify)! with { Model = "slm-v2" });
        var defaults = next.With("v3", null, TaskType.Summarize, new RoutingRule(0.4));

        Assert.Equal("v2", next.Version);
        Assert.Equal(new RoutingRule(0.5, null, 0.1, "slm-v2"), next.RuleAt("tickets", TaskType.Classify));
        Assert.Equal(0.9, next.Resolve("tickets", TaskType.Extract).MinConfidence);
        Assert.Equal(0.8, next.Resolve(null, TaskType.Extract).MinConfidence);
        Assert.Null(policy.RuleAt("tickets", TaskType.Classify)!.Model);
        Assert.Equal(0.4, defaults.Resolve("tickets", TaskType.Summarize).MinConfidence);
        Assert.Null(policy.RuleAt("billing", TaskType.Classify));
    }

    [Fact]
    public void Examples_are_opt_in_per_rule_and_bounded()
    {
        var policy = RoutingPolicyReader.Read("""{"version": "v1", "workloads": {"tickets": {"classify": {"examples": 3}}}}""");

        Assert.Equal(3, policy.Resolve("tickets", TaskType.Classify).Examples);
        Assert.Equal(0, policy.Resolve("billing", TaskType.Classify).Examples);
        Assert.Equal(3, RoutingPolicyReader.Read(policy.ToJson()).Resolve("tickets", TaskType.Classify).Examples);
        var ex = Assert.Throws<RoutingPolicyException>(() => RoutingPolicyReader.Read("""{"version": "v1", "defaults": {"extract": {"examples": 17}}}"""));
        Assert.Equal("defaults.extract.examples: must be a whole number from 0 to 16; got 17", ex.Message);
    }
}

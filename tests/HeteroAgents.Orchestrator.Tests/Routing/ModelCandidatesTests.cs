using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Routing;

namespace HeteroAgents.Orchestrator.Tests.Routing;

public sealed class ModelCandidatesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Candidates_are_numbered_per_workload_and_task_found_and_survive_a_round_trip()
    {
        var candidates = ModelCandidates.Read(null, "test");
        var first = candidates.Register("slm-v2", "tickets", TaskType.Classify, At);
        var second = candidates.Register("/models/slm-v3", "tickets", TaskType.Classify, At);
        candidates.Register("slm-x", "billing", TaskType.Extract, At);
        candidates.Update(first with { Status = "refused" });

        var again = ModelCandidates.Read(candidates.ToJson(), "test");

        Assert.Equal("tickets/classify/1", first.Id);
        Assert.Equal("tickets/classify/2", second.Id);
        Assert.Equal(second, again.Find(null, "tickets", "classify"));
        Assert.Equal("refused", again.Find("tickets/classify/1", null, null).Status);
        Assert.Equal("billing/extract/1", again.Find(null, null, null).Id);
        var ex = Assert.Throws<ArgumentException>(() => again.Find(null, "orders", null));
        Assert.Contains("no open candidate for workload 'orders'; registered: tickets/classify/1 (refused)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("none is registered", Assert.Throws<ArgumentException>(() => ModelCandidates.Read("", "t").Find(null, null, null)).Message, StringComparison.Ordinal);
        Assert.Contains("test: the model candidates document is not valid", Assert.Throws<FormatException>(() => ModelCandidates.Read("{", "test")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_is_worse_when_it_reaches_no_threshold_keeps_less_or_agrees_less()
    {
        var current = new ModelScore("slm:v1", 100, 0.7, 0.5, 0.6, 0.97, 10, 100);
        var better = new ModelScore("slm:v2", 100, 0.98, 0.9, 0.95, 0.98, 12, 100);
        var worse = new ModelScore("slm:bad", 100, 0.1, null, 0, null, 5, 90);

        Assert.Empty(new CandidateEval(At, 0.95, "v1", current, better).WorseBecause());
        var reasons = new CandidateEval(At, 0.95, "v1", current, worse).WorseBecause();
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("no confidence threshold", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("SLM share at the target 0.0 %", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("agreement 10.0 %", StringComparison.Ordinal));
        Assert.Equal("the candidate answered no task of the eval split",
            Assert.Single(new CandidateEval(At, 0.95, "v1", current, worse with { Samples = 0 }).WorseBecause()));
    }
}

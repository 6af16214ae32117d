using System.Text.Json;
using HeteroAgents.Flywheel;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel.Tests.Eval;

public sealed class FlywheelEvaluatorTests
{
    [Fact]
    public async Task Agreement_and_threshold_are_reported_per_cluster_from_scripted_slm_answers()
    {
        var log = new SyntheticLog(21);
        var records = Enumerable.Range(0, 400).Select(_ => log.ReviewSentiment()).Concat(Enumerable.Range(0, 200).Select(_ => log.MeetingSummary())).ToList();
        var clustering = new WorkloadClusterer().Cluster(records);
        var byPrompt = records.GroupBy(r => r.UserText()).ToDictionary(g => g.Key, g => g.First());

        // The scripted SLM gets every 5th held-out review wrong with low confidence and the rest right with high confidence.
        var n = 0;
        var slm = ScriptedChatClient.FromAnswers(request =>
        {
            var messages = request.Messages;
            var record = byPrompt[messages.Single(m => m.Role == ChatRole.User).Text];
            if (record.TaskType == "summarize")
            {
                return new ScriptedAnswer("{\"summary\":\"something else\"}", 0.99);
            }

            var i = Interlocked.Increment(ref n);
            var wrong = i % 5 == 0;
            var label = JsonDocument.Parse(record.Output!).RootElement.GetProperty("label").GetString();
            var answer = wrong ? (label == "positive" ? "negative" : "positive") : label;
            return new ScriptedAnswer($"{{\"label\":\"{answer}\"}}", wrong ? 0.55 : 0.9 + (i % 7) / 100.0);
        });

        var report = await FlywheelEvaluator.EvaluateAsync(records, clustering, slm, new EvalOptions { TargetAgreement = 0.95 });

        var expectedHeldOut = records.Count(r => r.TaskType == "classify" && DatasetSplit.IsEval(r.Id));
        var reviews = report.Clusters.Single(c => c.TaskType == "classify");
        Assert.Equal(expectedHeldOut, reviews.Replayed);
        Assert.Equal(expectedHeldOut, reviews.Counted);
        Assert.Equal(expectedHeldOut - expectedHeldOut / 5, reviews.Agreed);
        Assert.False(reviews.ReadyToMove);
        Assert.NotNull(reviews.Threshold);
        Assert.Equal(0.9, reviews.Threshold!.Threshold, 6);
        Assert.Equal(1.0, reviews.Threshold.Agreement);
        Assert.Equal((double)reviews.Agreed / reviews.Counted, reviews.Threshold.Coverage, 6);

        var meetings = report.Clusters.Single(c => c.TaskType == "summarize");
        Assert.Equal(0, meetings.Counted);
        Assert.Null(meetings.Agreement);
        Assert.True(meetings.Replayed > 0);

        // Each replay asked for the record's schema as a JSON-schema response format.
        var (msgs, opts) = slm.Requests[0];
        var format = Assert.IsType<ChatResponseFormatJson>(opts!.ResponseFormat);
        var replayed = byPrompt[msgs.Single(m => m.Role == ChatRole.User).Text];
        Assert.Equal(CanonicalJson.Canonicalize(replayed.ResponseSchema!.Value), CanonicalJson.Canonicalize(format.Schema!.Value));
        Assert.Equal(0, report.Records.Count(r => !DatasetSplit.IsEval(r.RecordId)));
    }

    [Fact]
    public async Task Failed_slm_calls_count_as_disagreement_and_no_threshold_reaches_an_unreachable_target()
    {
        var log = new SyntheticLog(4);
        var records = Enumerable.Range(0, 300).Select(_ => log.TicketRouting()).ToList();
        var clustering = new WorkloadClusterer().Cluster(records);
        var calls = 0;
        var slm = ScriptedChatClient.FromAnswers(_ => Interlocked.Increment(ref calls) % 2 == 0
            ? new ScriptedAnswer("", Throw: new TimeoutException("slm timed out"))
            : new ScriptedAnswer("{\"label\":\"refund\"}"));

        var report = await FlywheelEvaluator.EvaluateAsync(records, clustering, slm);

        var cluster = Assert.Single(report.Clusters);
        Assert.Equal(cluster.Replayed / 2, cluster.Errors);
        Assert.Equal(cluster.Replayed - cluster.Errors, cluster.Agreed);
        Assert.Equal(cluster.Replayed, cluster.WithoutConfidence);
        Assert.Null(cluster.Threshold);
        Assert.Contains(report.Records, r => r.Error == "TimeoutException: slm timed out");
    }
}

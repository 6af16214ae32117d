using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel.Tests.Calibrate;

/// <summary>Which logged records are calibration evidence, and the errors for a log that has none.</summary>
public sealed class CalibrationLogTests
{
    [Fact]
    public void Resolved_escalations_are_references_and_give_the_logged_answer_with_its_confidence()
    {
        var records = Log(out _);

        var references = CalibrationLog.References(records, 1.0, null, "log.jsonl");
        var samples = references.Select(CalibrationLog.LoggedSample).OfType<CalibrationSample>().ToList();

        Assert.Equal(12, references.Count); // one per task: the redelivered escalation and the unresolved ones do not count
        Assert.Equal(11, samples.Count);     // the backend error is no evidence about the SLM's answers
        Assert.Equal(8, samples.Count(s => s.Confidence is not null && s.Agree));
        Assert.Single(samples, s => s.Confidence is null); // failed a check: never kept
        Assert.All(samples, s => Assert.Equal("reviews", s.Workload));
        Assert.Equal(2, samples.Count(s => s.Confidence is not null && !s.Agree));
    }

    [Fact]
    public void The_eval_split_keeps_a_share_of_the_references_by_the_frontier_call_id()
    {
        var records = Log(out _);

        var all = CalibrationLog.References(records, 1.0, null, "log.jsonl");
        var split = CalibrationLog.References(records, 0.5, null, "log.jsonl");

        Assert.All(split, r => Assert.True(DatasetSplit.IsEval(r.FrontierCall.Id, 0.5)));
        Assert.Equal(all.Count(r => DatasetSplit.IsEval(r.FrontierCall.Id, 0.5)), split.Count);
    }

    [Fact]
    public void An_empty_log_a_log_without_resolved_escalations_and_another_workload_fail_saying_why()
    {
        var records = Log(out var plainCalls);

        Assert.Contains("the log is empty", Assert.Throws<FormatException>(() => CalibrationLog.References([], 1, null, "a.jsonl")).Message, StringComparison.Ordinal);
        Assert.Contains("none of its 5 records is an SLM escalation resolved by a logged frontier answer",
            Assert.Throws<FormatException>(() => CalibrationLog.References(plainCalls, 1, null, "a.jsonl")).Message, StringComparison.Ordinal);
        Assert.Contains("no resolved escalation of workload 'invoices' (the log has: reviews)",
            Assert.Throws<FormatException>(() => CalibrationLog.References(records, 1, "invoices", "a.jsonl")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Audited_completed_answers_are_samples_one_per_task_with_the_confidence_the_worker_computed()
    {
        var log = new SyntheticLog(7);
        var records = new List<FrontierCallRecord>();
        for (var i = 0; i < 6; i++)
        {
            var call = log.ReviewSentiment();
            var frontierLabel = call.Output!.Contains("positive", StringComparison.Ordinal) ? "positive" : "negative";
            var slmLabel = i == 1 ? (frontierLabel == "positive" ? "negative" : "positive") : frontierLabel;
            records.Add(call with
            {
                TaskId = "audited-" + i.ToString(CultureInfo.InvariantCulture), Audit = true, SlmOutput = $$"""{"label":"{{slmLabel}}"}""",
                Confidence = i == 2 ? null : 0.9, ServedBy = "slm:tiny",
            });
        }

        records.Add(records[0] with { Id = records[0].Id + "-again" });                                        // the same task audited twice
        records.Add(records[3] with { Id = "failed", TaskId = "audited-x", Status = FrontierCallStatus.Failed, Output = null }); // no frontier answer
        records.Add(records[4] with { Id = "other", TaskId = "audited-y", WorkloadId = "news" });
        records.Add(log.ReviewSentiment());                                                                     // not an audit

        var samples = CalibrationLog.AuditSamples(records, null);
        var reviews = CalibrationLog.AuditSamples(records, "reviews");

        Assert.Equal(7, samples.Count);
        Assert.Equal(6, reviews.Count);
        Assert.All(samples, s => Assert.Equal("audit", s.Source));
        Assert.Single(reviews, s => s.Confidence is not null && !s.Agree);     // the wrong completed answer
        Assert.Single(reviews, s => s.Confidence is null && !s.Agree);         // unknown confidence: never counted as kept
        Assert.Equal(4, reviews.Count(s => s.Agree && s.Confidence == 0.9));
    }

    private static List<FrontierCallRecord> Log(out List<FrontierCallRecord> plainCalls)
    {
        var log = new SyntheticLog(5);
        var records = new List<FrontierCallRecord>();
        plainCalls = [.. Enumerable.Range(0, 5).Select(_ => log.ReviewSentiment())];
        records.AddRange(plainCalls);
        var input = JsonDocument.Parse("""{"text":"I like it","labels":["positive","negative"]}""").RootElement.Clone();
        for (var i = 0; i < 14; i++)
        {
            var call = log.ReviewSentiment();
            var task = "task-" + i.ToString(CultureInfo.InvariantCulture);
            var frontierLabel = call.Output!.Contains("positive", StringComparison.Ordinal) ? "positive" : "negative";
            var slmLabel = i is 8 or 9 ? (frontierLabel == "positive" ? "negative" : "positive") : frontierLabel; // two wrong
            var (reason, confidence) = i switch
            {
                10 => (EscalationReason.SchemaInvalid, (double?)0.9),
                11 => (EscalationReason.BackendError, null),
                _ => (EscalationReason.LowConfidence, 0.4 + (i * 0.01)),
            };
            var escalation = call with
            {
                Id = call.Id + "-esc", Status = FrontierCallStatus.Escalated, Output = null, TaskId = task, EscalationReason = reason,
                SlmOutput = $$"""{"label":"{{slmLabel}}"}""", Confidence = confidence, Input = input,
            };
            records.Add(escalation);
            if (i == 0)
            {
                records.Add(escalation with { Id = escalation.Id + "-again" });
            }

            if (i < 12)
            {
                records.Add(call with { TaskId = task, EscalationReason = reason }); // resolved; 12 and 13 stay unresolved
            }
        }

        return records;
    }
}

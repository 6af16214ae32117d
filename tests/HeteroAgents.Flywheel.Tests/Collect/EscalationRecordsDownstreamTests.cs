using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Testing.Chat;

namespace HeteroAgents.Flywheel.Tests.Collect;

/// <summary>How clusters, report, export and eval treat escalation records, resolved (linked by task id) or not.</summary>
public sealed class EscalationRecordsDownstreamTests
{
    /// <summary>The escalation record of the task a frontier call <paramref name="call"/> stands for.</summary>
    private static FrontierCallRecord EscalationOf(FrontierCallRecord call, string taskId) => call with
    {
        Id = call.Id + "-esc",
        Status = FrontierCallStatus.Escalated,
        Output = null,
        Model = null,
        CostUsd = null,
        TaskId = taskId,
        EscalationReason = EscalationReason.LowConfidence,
        SlmOutput = """{"label":"neutral"}""",
        ServedBy = "slm:smollm2-360m",
        LatencyMs = 40,
        InputTokens = 100,
        OutputTokens = 5,
    };

    /// <summary>
    /// 40 answered review calls, 10 of them resolving a logged escalation (record + linked call), and 6 escalations no
    /// frontier resolved, one of them logged twice (a redelivered event).
    /// </summary>
    private static List<FrontierCallRecord> Log()
    {
        var log = new SyntheticLog(77);
        var records = new List<FrontierCallRecord>();
        for (var i = 0; i < 40; i++)
        {
            var call = log.ReviewSentiment();
            if (i < 10)
            {
                var task = "task-" + i.ToString(CultureInfo.InvariantCulture);
                records.Add(EscalationOf(call, task));
                call = call with { TaskId = task, EscalationReason = EscalationReason.LowConfidence };
            }

            records.Add(call);
        }

        for (var i = 0; i < 6; i++)
        {
            var unresolved = EscalationOf(log.ReviewSentiment(), "open-" + i.ToString(CultureInfo.InvariantCulture));
            records.Add(unresolved);
            if (i == 0)
            {
                records.Add(unresolved with { Id = unresolved.Id + "-again" });
            }
        }

        return records;
    }

    [Fact]
    public void Collapsing_drops_resolved_and_repeated_escalation_records_and_keeps_the_unresolved_ones()
    {
        var records = Log();

        var kept = EscalationLinks.CollapseResolved(records);

        Assert.Equal(40 + 6, kept.Count);
        Assert.Equal(6, kept.Count(r => r.IsEscalation()));
        Assert.All(kept.Where(r => r.IsEscalation()), r => Assert.StartsWith("open-", r.TaskId, StringComparison.Ordinal));
        Assert.Equal(6, EscalationLinks.Unresolved(records).Count);
    }

    [Fact]
    public void Clusters_count_each_escalated_task_once_and_never_count_unresolved_ones_as_answered()
    {
        var records = Log();
        var result = new WorkloadClusterer().Cluster(records);

        var reviews = Assert.Single(result.Clusters);
        Assert.Equal(46, reviews.Size);
        Assert.Equal(40, reviews.Answered);
        Assert.Equal(16, reviews.Escalated);
        Assert.Equal(6, reviews.Unresolved);
        Assert.Equal(16.0 / 46, reviews.EscalationRate, 6);
        Assert.Equal(16, reviews.EscalationsByReason["low_confidence"]);
        var escalations = records.Where(r => r.IsEscalation()).ToList();
        Assert.All(escalations.Where(r => r.TaskId!.StartsWith("task-", StringComparison.Ordinal)), r => Assert.False(result.ClusterOfRecord.ContainsKey(r.Id)));
        Assert.Equal(6, escalations.Count(r => result.ClusterOfRecord.ContainsKey(r.Id)));
    }

    [Fact]
    public void The_report_counts_unresolved_escalations_in_the_escalation_rate_and_resolved_ones_once()
    {
        var builder = new UsageReportBuilder(new ReportOptions { SlmCostPerMillionTokens = 1m });

        builder.AddLogRecords(Log());
        var row = Assert.Single(builder.Build().Rows);

        Assert.Equal(("classify", "reviews"), (row.TaskType, row.Workload));
        Assert.Equal(46, row.Calls);
        Assert.Equal(40, row.ServedByFrontier);
        Assert.Equal(6, row.Escalated);
        Assert.Equal(16, row.EscalationsByReason["low_confidence"]);
        Assert.Equal(16.0 / 46, row.EscalationRate, 6);
    }

    [Fact]
    public async Task Export_skips_unresolved_escalations_as_they_have_no_frontier_answer()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var path = dir.File("log.jsonl");
        await File.WriteAllLinesAsync(path, Log().Select(r => r.ToJsonLine()));
        var cluster = Assert.Single((await FlywheelClusterer.ClusterFileAsync(path)).Clusters);

        var summary = await FlywheelExporter.ExportAsync(path, cluster.Id, Path.Combine(dir.Path, "out"));

        Assert.Equal(40, summary.TrainExamples + summary.EvalExamples);
        Assert.Equal(6, summary.Skipped["unresolved_escalation"]);
        var lines = File.ReadAllLines(summary.TrainPath).Concat(File.ReadAllLines(summary.EvalPath));
        Assert.DoesNotContain(lines, l => l.Contains("neutral", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_replays_only_answered_frontier_calls()
    {
        var records = Log();
        var clustering = new WorkloadClusterer().Cluster(records);
        var slm = ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("""{"label":"positive"}""", 0.9));

        var report = await FlywheelEvaluator.EvaluateAsync(records, clustering, slm, new EvalOptions { EvalFraction = 0.5 });

        var expected = records.Count(r => r.Status == FrontierCallStatus.Ok && DatasetSplit.IsEval(r.Id, 0.5));
        Assert.Equal(expected, slm.Requests.Count);
        Assert.Equal(expected, report.Records.Count);
        Assert.DoesNotContain(report.Records, r => records.Single(x => x.Id == r.RecordId).IsEscalation());
    }
}

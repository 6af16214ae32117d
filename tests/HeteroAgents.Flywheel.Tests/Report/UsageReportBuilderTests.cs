using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;

namespace HeteroAgents.Flywheel.Tests.Report;

public sealed class UsageReportBuilderTests
{
    private static readonly ReportOptions Options = new()
    {
        Prices = new CostAccountingOptions
        {
            Prices = new(StringComparer.OrdinalIgnoreCase)
            {
                ["gpt-4o-mini"] = new ModelPrice { InputPerMillion = 0.15m, OutputPerMillion = 0.60m },
                ["gpt-4o"] = new ModelPrice { InputPerMillion = 2.50m, OutputPerMillion = 10m },
            },
        },
        BaselineModel = "gpt-4o",
        SlmCostPerMillionTokens = 0.01m,
    };

    private static string Line(BatchOutputLine line) => JsonSerializer.Serialize(line, HeteroJson.Options);

    private static BatchOutputLine Slm(string id, long latency) =>
        new(id, "classify", BatchTaskStatus.Completed, "slm:smollm2-360m", JsonDocument.Parse("{\"label\":\"refund\"}").RootElement, 0.97, null, new TaskUsage(100, 5), latency, null);

    [Fact]
    public async Task Batch_outputs_and_frontier_log_aggregate_per_task_type_and_workload()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var batch = dir.File("tickets.jsonl");
        var lines = new List<string>();
        for (var i = 1; i <= 16; i++)
        {
            lines.Add(Line(Slm($"t{i}", i * 10)));
        }

        lines.Add(Line(new BatchOutputLine("t17", "classify", BatchTaskStatus.Completed, "frontier:gpt-4o-mini", JsonDocument.Parse("{\"label\":\"other\"}").RootElement, null,
            new EscalationInfo(EscalationReason.LowConfidence, "p=0.41", true), new TaskUsage(1000, 10), 900, null)));
        lines.Add(Line(new BatchOutputLine("t18", "classify", BatchTaskStatus.Completed, "frontier:gpt-4o-mini", JsonDocument.Parse("{\"label\":\"other\"}").RootElement, null,
            new EscalationInfo(EscalationReason.SchemaInvalid, "not json", true), new TaskUsage(1000, 10), 1100, null)));
        lines.Add(Line(new BatchOutputLine("t19", "classify", BatchTaskStatus.Escalated, "slm:smollm2-360m", null, 0.3,
            new EscalationInfo(EscalationReason.LowConfidence, "p=0.30", false), new TaskUsage(100, 5), 200, null)));
        lines.Add(Line(new BatchOutputLine("line:20", null, BatchTaskStatus.Failed, null, null, null, null, null, null, new TaskError("malformed_json", "line 20 is not JSON", 20))));
        await File.WriteAllLinesAsync(batch, lines);

        var log = new SyntheticLog(1);
        var frontier = dir.File("frontier.jsonl");
        await File.WriteAllLinesAsync(frontier, [
            (log.Record("classify", null, "s", "u", "{}", "tickets", EscalationReason.LowConfidence) with { BatchId = "b1" }).ToJsonLine(),
            log.Record("plan", null, "s", "plan the trip", "ok", "planner", latencyMs: 2000, inputTokens: 2000, outputTokens: 200, cost: null).ToJsonLine(),
            log.Record("plan", null, "s", "plan the party", "ok", "planner", latencyMs: 3000, inputTokens: 1000, outputTokens: 100, cost: 0.5m).ToJsonLine(),
            log.Record("plan", null, "s", "plan again", null, "planner", status: FrontierCallStatus.Failed, latencyMs: 30000, inputTokens: 0, outputTokens: 0, cost: null).ToJsonLine(),
        ]);

        var report = await UsageReportBuilder.BuildFromFilesAsync([batch], frontier, Options);

        // Rows: classify/tickets, plan/planner, and unknown/tickets for the line that named no valid task.
        Assert.Equal(3, report.Rows.Count);
        var unknown = report.Rows.Single(r => r.TaskType == "unknown");
        Assert.Equal(("tickets", 1L, 1L), (unknown.Workload, unknown.Calls, unknown.Failed));
        var tickets = report.Rows.Single(r => r.Workload == "tickets" && r.TaskType == "classify");
        Assert.Equal("classify", tickets.TaskType);
        Assert.Equal(19, tickets.Calls);
        Assert.Equal(16, tickets.ServedBySlm);
        Assert.Equal(2, tickets.ServedByFrontier);
        Assert.Equal(1, tickets.Escalated);
        Assert.Equal(16.0 / 19, tickets.SlmShare, 6);
        Assert.Equal(2, tickets.EscalationsByReason["low_confidence"]);
        Assert.Equal(1, tickets.EscalationsByReason["schema_invalid"]);
        Assert.Equal(3.0 / 19, tickets.EscalationRate, 6);
        Assert.Equal(2.0 / 19, tickets.EscalationRateOf("low_confidence"), 6);
        // Latencies: 10..160, 200, 900, 1100 (19 values): p50 = 10th = 100, p95 = ceil(18.05) = 19th = 1100.
        Assert.Equal(100, tickets.LatencyP50Ms);
        Assert.Equal(1100, tickets.LatencyP95Ms);
        Assert.Equal(17 * 100 + 2 * 1000, tickets.InputTokens);
        Assert.Equal(17 * 5 + 2 * 10, tickets.OutputTokens);
        // Frontier: 2 x (1000 x 0.15 + 10 x 0.60) / 1e6; SLM: 17 x 105 tokens x 0.01 / 1e6.
        Assert.Equal(2 * 156m / 1_000_000m + 17 * 105 * 0.01m / 1_000_000m, tickets.CostUsd);
        // Baseline: every call's tokens at gpt-4o.
        Assert.Equal((17 * (100 * 2.5m + 5 * 10m) + 2 * (1000 * 2.5m + 10 * 10m)) / 1_000_000m, tickets.BaselineCostUsd);
        Assert.True(tickets.SavingsUsd > 0);

        // The frontier call that resolved batch b1 is already counted by the batch line; the planner calls are added.
        var planner = report.Rows.Single(r => r.Workload == "planner");
        Assert.Equal(3, planner.Calls);
        Assert.Equal(2, planner.ServedByFrontier);
        Assert.Equal(1, planner.Failed);
        Assert.Equal(0, planner.SlmShare);
        Assert.Equal(0.5m + (2000 * 0.15m + 200 * 0.60m) / 1_000_000m, planner.CostUsd);
        Assert.Equal(3000, planner.LatencyP50Ms);

        Assert.Equal(23, report.Total.Calls);
        Assert.Equal(tickets.CostUsd + planner.CostUsd + unknown.CostUsd, report.Total.CostUsd);
        Assert.Equal("gpt-4o", report.BaselineModel);
        Assert.Contains("tickets", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_batch_line_is_reported_with_file_and_line()
    {
        using var dir = new TempDirectory("flywheel-tests");
        var batch = dir.File("bad.jsonl");
        await File.WriteAllLinesAsync(batch, [Line(Slm("t1", 5)), "{\"custom_id\":\"t2\",\"status\":\"nope\"}"]);

        var ex = await Assert.ThrowsAsync<FormatException>(() => UsageReportBuilder.BuildFromFilesAsync([batch], null, Options));
        Assert.Contains("bad.jsonl:2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_baseline_price_no_baseline_is_reported()
    {
        var builder = new UsageReportBuilder(new ReportOptions { BaselineModel = "unknown-model" });
        builder.AddBatchLine("w", Slm("t1", 5));
        var report = builder.Build();
        Assert.Null(report.Total.BaselineCostUsd);
        Assert.Null(report.BaselineModel);
        Assert.Equal(1, report.Total.ServedBySlm);
    }

    [Fact]
    public async Task Audit_calls_show_the_audited_agreement_per_row_without_counting_as_calls()
    {
        using var dir = new TempDirectory();
        var batch = dir.File("tickets.jsonl");
        await File.WriteAllLinesAsync(batch, Enumerable.Range(1, 5).Select(i => Line(Slm($"t{i}", 10))));
        var log = new SyntheticLog(2);
        FrontierCallRecord Audit(string frontier, string slm, FrontierCallStatus status = FrontierCallStatus.Ok, string task = "classify") =>
            log.Record(task, null, "s", "u", status == FrontierCallStatus.Ok ? frontier : null, "tickets", status: status, cost: 0.001m) with
            {
                BatchId = "b1",
                Audit = true,
                SlmOutput = slm,
                ServedBy = "slm:smollm2-360m",
            };
        var frontierLog = dir.File("frontier.jsonl");
        await File.WriteAllLinesAsync(frontierLog, [
            Audit("""{"label":"refund"}""", """{"label":"refund"}""").ToJsonLine(),
            Audit("""{"label":"refund"}""", """{"label":"refund"}""").ToJsonLine(),
            Audit("""{"label":"other"}""", """{"label":"refund"}""").ToJsonLine(),
            Audit("", """{"label":"refund"}""", FrontierCallStatus.Failed).ToJsonLine(),
            Audit("""{"summary":"late parcel"}""", """{"summary":"the parcel is late"}""", task: "summarize").ToJsonLine(),
        ]);

        var report = await UsageReportBuilder.BuildFromFilesAsync([batch], frontierLog, Options);

        var classify = Assert.Single(report.Rows, r => r.TaskType == "classify");
        Assert.Equal(("tickets", 5L, 5L, 0L), (classify.Workload, classify.Calls, classify.ServedBySlm, classify.ServedByFrontier));
        Assert.Equal((4L, 3L, 2L), (classify.Audited, classify.AuditCompared, classify.AuditAgreed));
        Assert.Equal(2.0 / 3, classify.AuditAgreement!.Value, 9);
        var summarize = Assert.Single(report.Rows, r => r.TaskType == "summarize");
        Assert.Equal((0L, 1L, 0L), (summarize.Calls, summarize.Audited, summarize.AuditCompared));
        Assert.Null(summarize.AuditAgreement);
        Assert.Equal((5L, 3L, 2L), (report.Total.Audited, report.Total.AuditCompared, report.Total.AuditAgreed));
        Assert.Equal(5, report.Total.Calls);
        var text = report.ToText();
        Assert.Contains("agree%", text, StringComparison.Ordinal);
        Assert.Contains(" 66.7 ", text, StringComparison.Ordinal);
    }
}

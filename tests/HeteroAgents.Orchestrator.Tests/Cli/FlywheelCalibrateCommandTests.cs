using System.Globalization;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Tests.Support;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>
/// <c>hetero flywheel calibrate</c> on audit samples: a log of audited completed answers only (no escalation) is enough,
/// and when the completed answers below some confidence are wrong, the threshold in force (0.7) is raised above them.
/// </summary>
public sealed class FlywheelCalibrateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-calibrate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Audits_of_wrong_completed_answers_raise_the_threshold()
    {
        // 100 audited classify answers of workload tickets, confidence 0.70..0.997: the 50 below 0.85 are wrong.
        var log = Path.Combine(_directory, "log.jsonl");
        await File.WriteAllLinesAsync(log, Enumerable.Range(0, 100).Select(i =>
        {
            var confidence = 0.70 + (i * 0.003);
            var slm = confidence < 0.85 ? "refund_request" : "shipping_delay";
            return Audit(i, confidence, slm).ToJsonLine();
        }));
        var policy = Path.Combine(_directory, "policy.json");

        var result = await CliRunner.RunAsync(["flywheel", "calibrate", log, "--target-agreement", "0.9", "--min-samples", "20", "--out", policy]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("evidence: 0 escalated answers resolved by the frontier (eval split), 100 audited completed answers", result.Out, StringComparison.Ordinal);
        var threshold = RoutingPolicyReader.Read(await File.ReadAllTextAsync(policy)).Resolve("tickets", TaskType.Classify).MinConfidence;
        Assert.InRange(threshold, 0.84, 0.86);
    }

    [Fact]
    public async Task A_log_without_escalations_or_audits_is_refused_saying_why()
    {
        var log = Path.Combine(_directory, "log.jsonl");
        await File.WriteAllLinesAsync(log, [(Audit(0, 0.9, "shipping_delay") with { Audit = false, SlmOutput = null }).ToJsonLine()]);

        var result = await CliRunner.RunAsync(["flywheel", "calibrate", log, "--out", Path.Combine(_directory, "policy.json")]);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("is an SLM escalation resolved by a logged frontier answer", result.Error, StringComparison.Ordinal);
    }

    private static FrontierCallRecord Audit(int i, double confidence, string slmLabel) => new(
        Id: Guid.CreateVersion7().ToString("D", CultureInfo.InvariantCulture),
        Timestamp: DateTimeOffset.UnixEpoch.AddMinutes(i),
        TaskType: "classify",
        WorkloadId: "tickets",
        BatchId: "b",
        Model: "frontier",
        Messages: [new LoggedMessage(LoggedMessage.UserRole, $"Order {i} is late.")],
        ResponseSchema: null,
        Output: """{"label":"shipping_delay"}""",
        Status: FrontierCallStatus.Ok,
        Error: null,
        EscalationReason: null,
        LatencyMs: 5,
        InputTokens: 10,
        OutputTokens: 3,
        CostUsd: null,
        TraceId: null,
        Streaming: false,
        TaskId: "task-" + i.ToString(CultureInfo.InvariantCulture),
        SlmOutput: $$"""{"label":"{{slmLabel}}"}""",
        ServedBy: "slm:tiny",
        Confidence: confidence,
        Audit: true);
}

using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>
/// S1 on the batch path: `hetero batch run` appends every escalation to the flywheel log, whether no frontier is configured
/// (the line stays <c>escalated</c>) or a frontier resolves it (escalation record and frontier call, linked by task id).
/// </summary>
public sealed class BatchRunEscalationLogTests : IAsyncLifetime
{
    // The fake SLM answers a required field missing from the text with "<not found>", which the worker's source check
    // rejects, so x2 and x3 escalate (semantic_invalid); x1 is answered by the SLM.
    private const string Schema = """{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""";
    private const string Missing = """{"type":"object","properties":{"invoice_number":{"type":"string"}},"required":["invoice_number"]}""";

    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-esclog-").FullName;
    private FakeOpenAiCompatibleServer _slm = null!;
    private FakeOpenAiCompatibleServer _frontier = null!;

    private string FlywheelDirectory => Path.Combine(_directory, "flywheel");

    public Task InitializeAsync()
    {
        _slm = FakeOpenAiCompatibleServer.Start();
        _frontier = FakeOpenAiCompatibleServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _slm.DisposeAsync();
        await _frontier.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(CliResult Result, List<BatchOutputLine> Lines, List<FrontierCallRecord> Log)> RunAsync(bool frontier, bool logging = true)
    {
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input,
        [
            """{"custom_id":"x1","task":"extract","input":{"text":"Order id: A-7781 placed yesterday","schema":""" + Schema + "}}",
            """{"custom_id":"x2","task":"extract","input":{"text":"Please ship it soon, thanks","schema":""" + Missing + "}}",
            """{"custom_id":"x3","task":"extract","input":{"text":"Where is my parcel?","schema":""" + Missing + "}}",
        ]);
        var output = Path.Combine(_directory, "out.jsonl");
        var configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:Endpoint"] = _slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Flywheel:Logging:DataDirectory"] = FlywheelDirectory,
            ["Hetero:Flywheel:Logging:Enabled"] = logging ? "true" : "false",
        };
        if (frontier)
        {
            configuration["Hetero:Frontier:Endpoint"] = _frontier.BaseAddress.ToString() + "/";
            configuration["Hetero:Frontier:Model"] = "fake-frontier";
        }

        var result = await CliRunner.RunAsync(configuration, ["batch", "run", input, "--out", output, "--no-progress"]);
        var log = Directory.Exists(FlywheelDirectory) ? await FrontierCallLogReader.ReadListAsync(FlywheelDirectory) : [];
        return (result, File.Exists(output) ? ResultChecks.ReadOutput(output) : [], log);
    }

    [Fact]
    public async Task Without_a_frontier_the_log_holds_one_record_per_escalation()
    {
        var (result, lines, log) = await RunAsync(frontier: false);

        Assert.True(result.ExitCode == 0, result.ToString());
        var escalated = lines.Where(l => l.Status == BatchTaskStatus.Escalated).Select(l => l.CustomId).Order().ToList();
        Assert.Equal(["x2", "x3"], escalated);
        Assert.Equal(2, log.Count);
        Assert.All(log, r =>
        {
            Assert.Equal(FrontierCallStatus.Escalated, r.Status);
            Assert.Equal("extract", r.TaskType);
            Assert.Equal(EscalationReason.SemanticInvalid, r.EscalationReason);
            Assert.NotNull(r.BatchId);
            Assert.NotNull(r.SlmOutput);
            Assert.Equal("slm:fake-slm", r.ServedBy);
            Assert.Equal(CanonicalJson.Fingerprint(r.ResponseSchema), r.SchemaFingerprint);
        });
        Assert.Equal(2, log.Select(r => r.TaskId).Distinct().Count());
        Assert.Equal(
            ["Please ship it soon, thanks", "Where is my parcel?"],
            log.Select(r => r.Input!.Value.GetProperty("text").GetString()).Order());
        Assert.Equal(2, EscalationLinks.Unresolved(log).Count);
    }

    [Fact]
    public async Task With_a_frontier_each_escalation_is_logged_once_and_linked_with_its_frontier_call()
    {
        var (result, lines, log) = await RunAsync(frontier: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, lines.Count(l => l.ServedBy == "frontier:fake-frontier"));
        var escalations = log.Where(r => r.IsEscalation()).ToList();
        var calls = log.Where(r => !r.IsEscalation()).ToList();
        Assert.Equal(2, escalations.Count);
        Assert.Equal(2, calls.Count);
        Assert.Equal(escalations.Select(r => r.TaskId).Order(), calls.Select(r => r.TaskId).Order());
        Assert.All(calls, c => Assert.Equal(EscalationReason.SemanticInvalid, c.EscalationReason));
        Assert.Empty(EscalationLinks.Unresolved(log));

        // The report over the log alone counts two escalated tasks, both served by the frontier.
        var builder = new UsageReportBuilder();
        builder.AddLogRecords(log);
        var row = Assert.Single(builder.Build().Rows);
        Assert.Equal((2L, 2L, 0L), (row.Calls, row.ServedByFrontier, row.Escalated));
        Assert.Equal(2, row.EscalationsByReason["semantic_invalid"]);
    }

    [Fact]
    public async Task With_logging_opted_out_no_escalation_is_logged()
    {
        var (result, lines, log) = await RunAsync(frontier: false, logging: false);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, lines.Count(l => l.Status == BatchTaskStatus.Escalated));
        Assert.Empty(log);
    }
}

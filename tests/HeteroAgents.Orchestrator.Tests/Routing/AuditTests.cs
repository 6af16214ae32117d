using System.Text.Json.Nodes;
using HeteroAgents.Contracts;
using HeteroAgents.Flywheel;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Routing;
using Xunit.Abstractions;

namespace HeteroAgents.Orchestrator.Tests.Routing;

/// <summary>
/// Audit sampling (issue 11): with <c>audit_share</c> 1 in the routing policy, every completed SLM answer of a batch is
/// also answered by the frontier model (a fake OpenAI-compatible server) without changing the result; the flywheel log
/// keeps both answers and <c>hetero report</c> shows their agreement per workload and task type.
/// </summary>
public sealed class AuditTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-audit-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Every_completed_answer_is_audited_its_result_stands_and_the_report_shows_the_agreement()
    {
        var cases = RoutingQualityCases.Create(perType: 12, seed: 3).Where(c => c.Type == TaskType.Classify).ToList();
        await using var slm = SimulatedSlm.Start(cases);
        // The frontier answers the right label, except for two cases the SLM answers right, where it disagrees.
        var disagree = cases.Where(c => c.AnswerIsRight).Take(2).Select(c => c.CustomId).ToHashSet();
        await using var frontier = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions
        {
            Responder = request =>
            {
                // The frontier prompt ends with the task input as JSON; its text names the case.
                var text = JsonNode.Parse(request.UserText[request.UserText.IndexOf('{', StringComparison.Ordinal)..])!["text"]!.GetValue<string>();
                var found = cases.Single(c => c.Material.Trim() == text.Trim());
                var label = (string)found.Expected["label"]!;
                var labels = ((JsonArray)found.Input["labels"]!).Select(l => (string)l!).ToList();
                return new JsonObject { ["label"] = disagree.Contains(found.CustomId) ? labels.First(l => l != label) : label }.ToJsonString();
            },
        });
        var policy = Path.Combine(_directory, "policy.json");
        await File.WriteAllTextAsync(policy, """{"version":"audit-test-1","defaults":{"classify":{"min_confidence":0.7,"audit_share":1}}}""");
        var input = Path.Combine(_directory, "tickets.jsonl");
        await RoutingQualityCases.WriteBatchAsync(cases, input);
        var result = Path.Combine(_directory, "tickets-out.jsonl");
        var flywheel = Path.Combine(_directory, "flywheel");
        var settings = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "simulated-slm",
            ["Hetero:Frontier:Endpoint"] = frontier.BaseAddress.ToString() + "/",
            ["Hetero:Frontier:Model"] = "fake-frontier",
            ["Hetero:Routing:PolicyFile"] = policy,
            ["Hetero:Flywheel:Logging:DataDirectory"] = flywheel,
        };
        using var stderr = new StringWriter();
        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", result, "--no-progress"],
            new CliContext { Out = TextWriter.Null, Error = stderr, Interactive = false, Configuration = settings });
        Assert.True(exit == 0, stderr.ToString());

        var lines = RoutingQualityScore.ReadOutput(result);
        var bySlm = lines.Where(l => l.Status == BatchTaskStatus.Completed && l.ServedBy == "slm:simulated-slm").ToList();
        Assert.NotEmpty(bySlm);
        Assert.All(bySlm, l => Assert.True(l.Routing is { Audit: true, PolicyVersion: "audit-test-1" }, $"{l.CustomId}: {l.Routing}"));
        foreach (var line in bySlm)
        {
            // The audit never changes the result: each completed line carries the SLM's own answer.
            var routingCase = cases.Single(c => c.CustomId == line.CustomId);
            Assert.True(JsonNode.DeepEquals(routingCase.Answer, JsonNode.Parse(line.Result!.Value.GetRawText())), line.CustomId);
        }

        var audits = (await FrontierCallLogReader.ReadListAsync(flywheel)).Where(r => r.Audit).ToList();
        Assert.Equal(bySlm.Count, audits.Count);
        Assert.All(audits, a => Assert.Equal("slm:simulated-slm", a.ServedBy));


        var report = await UsageReportBuilder.BuildFromFilesAsync([result], flywheel);
        output.WriteLine(report.ToText());
        var row = Assert.Single(report.Rows);
        // Agreement: the SLM's label is the frontier's — right answers outside the two the frontier disputes. (The simulated
        // SLM's confident wrong labels pass the gate — no confidence can catch them — and the audit is how they show.)
        var agreeing = bySlm.Count(l => cases.Single(c => c.CustomId == l.CustomId).AnswerIsRight && !disagree.Contains(l.CustomId));
        Assert.Equal("tickets-out", row.Workload);
        Assert.Equal((bySlm.Count, bySlm.Count, agreeing), ((int)row.Audited, (int)row.AuditCompared, (int)row.AuditAgreed));
        Assert.Equal(cases.Count, row.Calls);

        using var reportOut = new StringWriter();
        using var reportErr = new StringWriter();
        exit = await HeteroCli.RunAsync(["report", result, "--frontier-log", flywheel],
            new CliContext { Out = reportOut, Error = reportErr, Interactive = false, Configuration = settings });
        Assert.True(exit == 0, reportErr.ToString());
        Assert.Contains("agree%", reportOut.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_frontier_model_audited_answers_are_recorded_as_completed_and_nothing_is_lost()
    {
        var cases = RoutingQualityCases.Create(perType: 6, seed: 4);
        await using var slm = SimulatedSlm.Start(cases);
        var policy = Path.Combine(_directory, "policy.json");
        await File.WriteAllTextAsync(policy, """{"version":"audit-test-2","defaults":{"classify":{"audit_share":1},"extract":{"audit_share":1},"tool_call":{"audit_share":1},"summarize":{"audit_share":1}}}""");
        var input = Path.Combine(_directory, "all.jsonl");
        await RoutingQualityCases.WriteBatchAsync(cases, input);
        var result = Path.Combine(_directory, "all-out.jsonl");
        using var stderr = new StringWriter();
        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", result, "--no-progress"], new CliContext
        {
            Out = TextWriter.Null,
            Error = stderr,
            Interactive = false,
            Configuration = new Dictionary<string, string?>
            {
                ["Hetero:Messaging:Transport"] = "InMemory",
                ["Hetero:Batch:Store"] = "InMemory",
                ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(),
                ["Hetero:Slm:Model"] = "simulated-slm",
                ["Hetero:Routing:PolicyFile"] = policy,
                ["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(_directory, "flywheel-2"),
            },
        });

        Assert.True(exit == 0, stderr.ToString());
        var lines = RoutingQualityScore.ReadOutput(result);
        Assert.Equal(cases.Count, lines.Count);
        var completed = lines.Where(l => l.Status == BatchTaskStatus.Completed).ToList();
        Assert.NotEmpty(completed);
        Assert.All(completed, l => Assert.True(l.Routing is { Audit: true }, l.CustomId));
    }
}

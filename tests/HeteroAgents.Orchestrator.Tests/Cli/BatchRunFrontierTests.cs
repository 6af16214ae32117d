using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero batch run` with a frontier model configured: the frontier escalation consumer is on the bus and resolves escalations.</summary>
public sealed class BatchRunFrontierTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-frontier-").FullName;
    private FakeOpenAiCompatibleServer _slm = null!;
    private FakeOpenAiCompatibleServer _frontier = null!;

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

    [Fact]
    public async Task Escalations_are_resolved_by_the_configured_frontier()
    {
        // The fake SLM answers a required field missing from the text with "<not found>", which the worker's source
        // check rejects, so "x2" escalates; "x1" is answered by the SLM.
        var input = Path.Combine(_directory, "in.jsonl");
        const string Schema = """{"type":"object","properties":{"order_id":{"type":"string"},"invoice_number":{"type":"string"}},"required":["order_id"]}""";
        const string Missing = """{"type":"object","properties":{"invoice_number":{"type":"string"}},"required":["invoice_number"]}""";
        await File.WriteAllLinesAsync(input,
        [
            """{"custom_id":"x1","task":"extract","input":{"text":"Order id: A-7781 placed yesterday","schema":""" + Schema + "}}",
            """{"custom_id":"x2","task":"extract","input":{"text":"Please ship it soon, thanks","schema":""" + Missing + "}}",
        ]);
        var output = Path.Combine(_directory, "out.jsonl");
        var configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Batch:MaxTextChars"] = "1000",
            ["Hetero:Slm:Endpoint"] = _slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Frontier:Endpoint"] = _frontier.BaseAddress.ToString() + "/",
            ["Hetero:Frontier:Model"] = "fake-frontier",
            ["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(_directory, "flywheel"),
        };

        var result = await CliRunner.RunAsync(configuration, ["batch", "run", input, "--out", output, "--no-progress"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = ResultChecks.ReadOutput(output);
        Assert.Equal(2, lines.Count);
        Assert.Equal("slm:fake-slm", Assert.Single(lines, l => l.CustomId == "x1").ServedBy);
        var resolved = lines.Where(l => l.ServedBy == "frontier:fake-frontier").ToList();
        var served = string.Join(", ", lines.Select(l => $"{l.CustomId}:{l.Status}:{l.ServedBy}:{l.Escalation?.Reason}"));
        Assert.True(_frontier.Requests.Count > 0, $"frontier not called; lines {served}\n{result}");
        Assert.True(resolved.Count > 0, $"no line served by the frontier: {served}");
        Assert.All(resolved, l => Assert.Equal(BatchTaskStatus.Completed, l.Status));
        Assert.Equal("x2", Assert.Single(resolved).CustomId);
        Assert.NotNull(resolved[0].Escalation);
        Assert.True(Directory.EnumerateFiles(Path.Combine(_directory, "flywheel"), "*.jsonl").Any(), "frontier calls are logged for the conversion loop");
    }
}

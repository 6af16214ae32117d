using System.Text.Json.Nodes;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>
/// <c>hetero flywheel examples</c> over a log written by a real batch run (simulated SLM, always unsure, so every task
/// escalates; simulated frontier): a raw log with an e-mail address is refused, the scrubbed one gives the examples file,
/// and <c>--measure</c> replays the eval split without and with examples, which reach the SLM's prompt.
/// </summary>
public sealed class FlywheelExamplesCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-examples-").FullName;
    private FakeOpenAiCompatibleServer _slm = null!;
    private FakeOpenAiCompatibleServer _frontier = null!;

    public Task InitializeAsync()
    {
        _slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { TokenLogProbability = Math.Log(0.4), Responder = _ => """{"label":"shipping_delay"}""" });
        _frontier = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { Responder = _ => """{"label":"shipping_delay"}""" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _slm.DisposeAsync();
        await _frontier.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Examples_are_written_from_a_scrubbed_log_only_and_measured_without_and_with()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input, Enumerable.Range(0, 40).Select(i => new JsonObject
        {
            ["custom_id"] = $"t{i}",
            ["task"] = "classify",
            ["workload"] = "tickets",
            ["input"] = new JsonObject
            {
                ["text"] = $"Order {i} has not arrived after {i % 5 + 2} weeks{(i == 3 ? "; write to jane.doe@example.com" : string.Empty)}.",
                ["labels"] = new JsonArray("refund_request", "shipping_delay"),
            },
        }.ToJsonString()));
        var log = Path.Combine(_directory, "flywheel");
        var configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:Endpoint"] = _slm.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
            ["Hetero:Frontier:Endpoint"] = _frontier.BaseAddress + "/",
            ["Hetero:Frontier:Model"] = "fake-frontier",
            ["Hetero:Flywheel:Logging:DataDirectory"] = log,
        };
        var run = await CliRunner.RunAsync(configuration, ["batch", "run", input, "--out", Path.Combine(_directory, "out.jsonl"), "--no-progress"]);
        Assert.True(run.ExitCode == 0, run.ToString());

        var examples = Path.Combine(_directory, "examples.jsonl");
        var raw = await CliRunner.RunAsync(configuration, ["flywheel", "examples", log, "--out", examples]);
        Assert.True(raw.ExitCode == 2, raw.ToString());
        Assert.Contains("the log is not scrubbed", raw.Error, StringComparison.Ordinal);

        var scrubbed = Path.Combine(_directory, "scrubbed.jsonl");
        Assert.Equal(0, (await CliRunner.RunAsync(configuration, ["flywheel", "scrub", log, "-o", scrubbed])).ExitCode);
        var result = await CliRunner.RunAsync(configuration, ["flywheel", "examples", scrubbed, "--out", examples, "--measure", "--k", "2", "--eval-fraction", "0.3"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"wrote \d+ examples to .*examples\.jsonl \(tickets/classify \d+\)", result.Out);
        Assert.Contains("without", result.Out, StringComparison.Ordinal);
        Assert.Contains("with 2 examples", result.Out, StringComparison.Ordinal);
        Assert.Contains(_slm.Requests, r => r.Messages.Count(m => m.Content.StartsWith("Example.", StringComparison.Ordinal)) == 2);
        Assert.DoesNotContain(File.ReadLines(examples), l => l.Contains("jane.doe", StringComparison.Ordinal));
    }
}

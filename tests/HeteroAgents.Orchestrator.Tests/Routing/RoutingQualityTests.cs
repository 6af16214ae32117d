using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Testing.Models;
using HeteroAgents.Testing.Routing;
using Xunit.Abstractions;

namespace HeteroAgents.Orchestrator.Tests.Routing;

/// <summary>
/// The routing goals of issue 11 through `hetero batch run` with default settings: on a labelled batch answered by the
/// simulated SLM, no wrong answer that is unsure or hallucinated is completed and at least 95% of right, confident
/// answers are; a random-weight model (built by make-model) gets no answer completed.
/// </summary>
public sealed class RoutingQualityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-routing-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private async Task<IReadOnlyList<BatchOutputLine>> RunAsync(IReadOnlyList<RoutingCase> cases, Dictionary<string, string?> settings)
    {
        var input = Path.Combine(_directory, "routing.jsonl");
        var result = Path.Combine(_directory, "routing-out.jsonl");
        await RoutingQualityCases.WriteBatchAsync(cases, input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        settings["Hetero:Messaging:Transport"] = "InMemory";
        settings["Hetero:Batch:Store"] = "InMemory";
        settings["Hetero:Flywheel:Logging:DataDirectory"] = Path.Combine(_directory, "flywheel");
        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", result, "--no-progress"],
            new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = settings });
        Assert.True(exit == 0, stderr.ToString());
        return RoutingQualityScore.ReadOutput(result);
    }

    [Fact]
    public async Task Default_settings_complete_no_unsure_or_hallucinated_answer_and_nearly_every_right_confident_one()
    {
        var cases = RoutingQualityCases.Create(perType: 40);
        await using var slm = SimulatedSlm.Start(cases);

        var lines = await RunAsync(cases, new() { ["Hetero:Slm:Endpoint"] = slm.BaseAddress.ToString(), ["Hetero:Slm:Model"] = "simulated-slm" });

        var rows = RoutingQualityScore.Score(cases, lines);
        output.WriteLine(RoutingQualityScore.ToMarkdown(rows));
        Assert.All(rows, r => Assert.Equal(0, r.WrongCompleted));
        Assert.All(rows, r => Assert.True(r.RightConfidentCompletedShare >= 0.95, $"{r.Task}: {r.RightConfidentCompleted}/{r.RightConfident} right, confident answers completed"));
        Assert.All(lines.Where(l => l.Status != BatchTaskStatus.Failed), l => Assert.Equal(RoutingPolicy.BuiltInVersion, l.Routing?.PolicyVersion));
    }

    [Fact]
    public async Task A_random_weight_model_gets_no_answer_completed()
    {
        var model = TinyModels.Make("--arch", "llama", "--preset", "tiny", "--seed", "11", "--no-gguf");
        // The tiny model's context window is 512 tokens: tool calls keep only the right tool so the prompt fits.
        var cases = RoutingQualityCases.Create(perType: 6, seed: 7).Select(c => c.Type == TaskType.ToolCall ? WithOnlyTheRightTool(c) : c).ToList();

        var lines = await RunAsync(cases, new()
        {
            ["Hetero:Slm:Model"] = model,
            ["Hetero:Slm:MaxOutputTokens"] = "128",
            ["Hetero:Onnx:Decoding:MaxStringLength"] = "24",
        });

        foreach (var line in lines)
        {
            output.WriteLine($"{line.CustomId}: {line.Status} {line.Escalation?.Reason} {line.Escalation?.Detail}");
        }

        Assert.Equal(cases.Count, lines.Count);
        Assert.DoesNotContain(lines, l => l.Status == BatchTaskStatus.Completed);
        Assert.DoesNotContain(lines, l => l.Escalation?.Reason is EscalationReason.BackendError or EscalationReason.InputTooLarge);
    }

    private static RoutingCase WithOnlyTheRightTool(RoutingCase c)
    {
        var input = (System.Text.Json.Nodes.JsonObject)c.Input.DeepClone();
        var right = (string)c.Expected["name"]!;
        input["tools"] = new System.Text.Json.Nodes.JsonArray([.. ((System.Text.Json.Nodes.JsonArray)input["tools"]!).Where(t => (string)t!["name"]! == right).Select(t => t!.DeepClone())]);
        return c with { Input = input };
    }
}

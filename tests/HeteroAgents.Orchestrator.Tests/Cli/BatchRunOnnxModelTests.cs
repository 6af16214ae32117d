using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.Models;
using Xunit.Abstractions;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>
/// `hetero batch run --model &lt;dir&gt;`: the in-process workers run the project-built tiny model (random weights) on
/// ONNX Runtime with schema-constrained decoding, over the in-memory transport.
/// </summary>
public sealed class BatchRunOnnxModelTests(ITestOutputHelper output) : IDisposable
{
    private const int Lines = 20;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-onnx-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Run_with_a_model_folder_answers_every_line_and_every_completed_result_validates()
    {
        var model = TinyModels.Llama;
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input, File.ReadLines(SampleBatch()).Take(Lines));
        var outFile = Path.Combine(_directory, "out.jsonl");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", outFile, "--model", model, "--no-progress"], Context(stdout, stderr));

        Assert.True(exit == 0, stderr.ToString());
        var tasks = ResultChecks.ReadTasks(input);
        var lines = ResultChecks.ReadOutput(outFile);
        output.WriteLine(string.Join("\n", lines.Select(l => $"{l.CustomId}: {l.Status} {l.Escalation?.Reason} {l.Result}{l.Escalation?.Detail}")));
        Assert.Equal(Lines, lines.Count);
        Assert.Equal(tasks.Keys.Order(StringComparer.Ordinal), lines.Select(l => l.CustomId).Order(StringComparer.Ordinal));
        foreach (var line in lines)
        {
            Assert.NotEqual(BatchTaskStatus.Failed, line.Status);
            if (line.Status == BatchTaskStatus.Completed)
            {
                Assert.Equal("slm:tiny-llama", line.ServedBy);
                var errors = await ResultChecks.SchemaErrorsAsync(tasks[line.CustomId], line);
                Assert.True(errors.Count == 0, $"{line.CustomId}: {line.Result}: {string.Join("; ", errors)}");
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(line.Escalation?.Detail), $"{line.CustomId}: {line.Status} without a reason");
                Assert.True(line.Escalation.Reason != EscalationReason.BackendError, $"{line.CustomId}: {line.Escalation.Detail}");
            }
        }

        Assert.Contains(lines, l => l.Status == BatchTaskStatus.Completed);
    }

    [Fact]
    public async Task A_missing_model_folder_is_a_usage_error_naming_it()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input, File.ReadLines(SampleBatch()).Take(1));
        var missing = Path.Combine(_directory, "no-model");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--model", missing, "--no-progress"], Context(stdout, stderr));

        Assert.NotEqual(0, exit);
        Assert.Contains(missing, stderr.ToString(), StringComparison.Ordinal);
    }

    private static CliContext Context(StringWriter output, StringWriter error) => new()
    {
        Out = output,
        Error = error,
        Interactive = false,
        Configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Slm:MaxOutputTokens"] = "64",
            ["Hetero:Onnx:IntraOpThreads"] = "1",
            ["Hetero:Onnx:Decoding:MaxStringLength"] = "16",
            // The model has random weights: with the confidence gate on it completes nothing (RoutingQualityTests checks
            // that); this test is about the in-process pipeline's mechanics, so the gate is turned off explicitly.
            ["Hetero:Worker:ConfidenceThreshold"] = "0",
        },
    };

    private static string SampleBatch()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "support-tickets.jsonl");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"samples/support-tickets.jsonl not found above {AppContext.BaseDirectory}.");
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.Models;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>
/// `hetero batch run` with no SLM configured: the default model (Hetero:Models:Default) is pulled from the hub on first
/// use, taken from the cache afterwards, and its absence offline stops the command before anything is published. The hub
/// is <see cref="FakeHubServer"/> serving a tiny model written by the ModelMaker, laid out like the real repository
/// (config and tokenizer files at the root, the graph in onnx/model_q4.onnx).
/// </summary>
public sealed class BatchRunDefaultModelTests : IDisposable
{
    private const string Repo = "test-org/tiny-instruct";
    private const int Lines = 3;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-default-").FullName;
    private readonly FakeHubServer _hub = new(Repo, "main");

    public BatchRunDefaultModelTests()
    {
        // Laid out like the default repository (onnx-community: root JSON and tokenizer files, onnx/model_q4.onnx).
        var model = TinyModels.Make("--arch", "llama", "--preset", "tiny", "--seed", "7", "--precision", "int4", "--layout", "onnx-community", "--no-gguf");
        foreach (var file in Directory.EnumerateFiles(model, "*", SearchOption.AllDirectories))
        {
            _hub.Add(Path.GetRelativePath(model, file).Replace('\\', '/'), File.ReadAllBytes(file));
        }
    }

    private string Cache => Path.Combine(_directory, "cache");

    public void Dispose()
    {
        _hub.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private Dictionary<string, string?> Configuration(Uri hub) => new()
    {
        ["Hetero:Messaging:Transport"] = "InMemory",
        ["Hetero:Batch:Store"] = "InMemory",
        ["Hetero:Models:Endpoint"] = hub.ToString(),
        ["Hetero:Models:CacheDirectory"] = Cache,
        ["Hetero:Models:Default:Repository"] = Repo,
        ["Hetero:Slm:MaxOutputTokens"] = "48",
        ["Hetero:Onnx:IntraOpThreads"] = "1",
        ["Hetero:Onnx:Decoding:MaxStringLength"] = "16",
    };

    private async Task<string> InputAsync()
    {
        var input = Path.Combine(_directory, "in.jsonl");
        await File.WriteAllLinesAsync(input, File.ReadLines(SampleBatch()).Take(Lines));
        return input;
    }

    private int ModelDownloads => _hub.Requests.Count(r => r.Path.EndsWith("onnx/model_q4.onnx", StringComparison.Ordinal));

    [Fact]
    public async Task First_run_pulls_the_default_model_and_the_second_uses_the_cache()
    {
        var input = await InputAsync();
        var first = Path.Combine(_directory, "first.jsonl");

        var pull = await CliRunner.RunAsync(Configuration(_hub.Endpoint), ["batch", "run", input, "--out", first, "--no-progress"]);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        Assert.Contains($"pulling the default model {Repo}@main", pull.Error, StringComparison.Ordinal);
        Assert.Contains("onnx/model_q4.onnx (", pull.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Cache, "test-org", "tiny-instruct", "main", "onnx", "model_q4.onnx")));
        Assert.Equal(1, ModelDownloads);
        AssertAnswered(input, first);

        var requests = _hub.Requests.Count;
        var second = Path.Combine(_directory, "second.jsonl");
        var cached = await CliRunner.RunAsync(Configuration(_hub.Endpoint), ["batch", "run", input, "--out", second, "--no-progress"]);

        Assert.True(cached.ExitCode == 0, cached.ToString());
        Assert.DoesNotContain("pulling", cached.Error, StringComparison.Ordinal);
        Assert.Equal(requests, _hub.Requests.Count);
        AssertAnswered(input, second);

        // The cached model is also reachable by its alias.
        var third = Path.Combine(_directory, "third.jsonl");
        var alias = await CliRunner.RunAsync(Configuration(_hub.Endpoint), ["batch", "run", input, "--out", third, "--model", Repo + "@main", "--no-progress"]);

        Assert.True(alias.ExitCode == 0, alias.ToString());
        Assert.Equal(requests, _hub.Requests.Count);
        AssertAnswered(input, third);
    }

    [Fact]
    public async Task Offline_without_a_cached_default_exits_2_before_publishing_anything()
    {
        var input = await InputAsync();
        var output = Path.Combine(_directory, "out.jsonl");
        var dead = DeadEndpoint();

        var result = await CliRunner.RunAsync(Configuration(dead), ["batch", "run", input, "--out", output, "--no-progress"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"the default model {Repo}@main is not cached and could not be downloaded", result.Error, StringComparison.Ordinal);
        Assert.Contains("--model <dir>", result.Error, StringComparison.Ordinal);
        Assert.Contains($"hetero models pull {Repo}", result.Error, StringComparison.Ordinal);
        Assert.Contains("HETERO__SLM__ENDPOINT", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("tasks from in.jsonl", result.Error, StringComparison.Ordinal); // the batch was never submitted
        Assert.False(File.Exists(output) && File.ReadAllLines(output).Length > 0, "no output lines are written");
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task No_default_model_keeps_escalating_with_backend_error()
    {
        var input = await InputAsync();
        var output = Path.Combine(_directory, "out.jsonl");

        var result = await CliRunner.RunAsync(Configuration(DeadEndpoint()), ["batch", "run", input, "--out", output, "--no-default-model", "--no-progress"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = ResultChecks.ReadOutput(output);
        Assert.Equal(Lines, lines.Count);
        Assert.All(lines, l => Assert.Equal(EscalationReason.BackendError, l.Escalation?.Reason));
    }

    [Fact]
    public async Task A_model_alias_not_in_the_cache_is_a_usage_error_naming_the_pull_command()
    {
        var input = await InputAsync();

        var result = await CliRunner.RunAsync(Configuration(_hub.Endpoint), ["batch", "run", input, "--model", "test-org/not-pulled", "--no-progress"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("hetero models pull test-org/not-pulled", result.Error, StringComparison.Ordinal);
        Assert.Empty(_hub.Requests);
    }

    private static Uri DeadEndpoint()
    {
        using var closed = new FakeHubServer(Repo, "main");
        return closed.Endpoint;
    }

    private static void AssertAnswered(string input, string output)
    {
        var tasks = ResultChecks.ReadTasks(input);
        var lines = ResultChecks.ReadOutput(output);
        Assert.Equal(tasks.Keys.Order(StringComparer.Ordinal), lines.Select(l => l.CustomId).Order(StringComparer.Ordinal));
        Assert.All(lines, l => Assert.True(l.Escalation?.Reason != EscalationReason.BackendError, $"{l.CustomId}: {l.Escalation?.Detail}"));
        Assert.All(lines.Where(l => l.Status == BatchTaskStatus.Completed), l => Assert.Equal("slm:tiny-instruct", l.ServedBy));
    }

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

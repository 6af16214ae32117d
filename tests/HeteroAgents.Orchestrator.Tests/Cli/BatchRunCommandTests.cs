using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero batch run` end to end in-process: in-memory bus, in-process workers, a fake OpenAI-compatible SLM server.</summary>
public sealed class BatchRunCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-cli-").FullName;
    private FakeOpenAiCompatibleServer _server = null!;

    public Task InitializeAsync()
    {
        _server = FakeOpenAiCompatibleServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private CliContext Context(StringWriter output, StringWriter error) => new()
    {
        Out = output,
        Error = error,
        Interactive = false,
        Configuration = new Dictionary<string, string?>
        {
            ["Hetero:Messaging:Transport"] = "InMemory",
            ["Hetero:Batch:Store"] = "InMemory",
            ["Hetero:Batch:MaxTextChars"] = "1000",
            ["Hetero:Slm:Endpoint"] = _server.BaseAddress.ToString(),
            ["Hetero:Slm:Model"] = "fake-slm",
        },
    };

    [Fact]
    public async Task Run_writes_exactly_one_output_line_per_input_line()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        var output = Path.Combine(_directory, "out.jsonl");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", output, "--no-progress"], Context(stdout, stderr));

        Assert.True(exit == 0, stderr.ToString());
        var lines = ResultChecks.ReadOutput(output);
        Assert.Equal(MixedBatch.TaskLines, lines.Count);
        var expectedIds = new[] { "c1", "c1", "c2", "c3", "e1", "t1", "s1", "s2", "line:9", "line:10", "bad-task", "bad-labels", "bad-schema", "too-long" };
        Assert.Equal(expectedIds.Order(StringComparer.Ordinal), lines.Select(l => l.CustomId).Order(StringComparer.Ordinal));
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public async Task Run_fails_bad_lines_with_their_cause_and_serves_the_rest()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        var output = Path.Combine(_directory, "out.jsonl");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await HeteroCli.RunAsync(["batch", "run", input, "--out", output, "--no-progress"], Context(stdout, stderr));
        Assert.True(exitCode == 0, stderr.ToString());

        var lines = ResultChecks.ReadOutput(output);
        foreach (var (customId, code) in MixedBatch.ExpectedFailures)
        {
            var line = Assert.Single(lines, l => l.CustomId == customId);
            Assert.Equal(BatchTaskStatus.Failed, line.Status);
            Assert.Equal(code, line.Error!.Code);
            Assert.NotNull(line.Error.Line);
        }

        var duplicate = Assert.Single(lines, l => l.CustomId == "c1" && l.Status == BatchTaskStatus.Failed);
        Assert.Equal(TaskErrorCodes.DuplicateCustomId, duplicate.Error!.Code);
        Assert.Contains("line 1", duplicate.Error.Message, StringComparison.Ordinal);

        var tasks = ResultChecks.ReadTasks(input);
        var served = lines.Where(l => l.Status != BatchTaskStatus.Failed).ToList();
        Assert.Equal(7, served.Count);
        Assert.Contains(served, l => l.Status == BatchTaskStatus.Completed);
        foreach (var line in served.Where(l => l.Status == BatchTaskStatus.Completed))
        {
            Assert.Empty(await ResultChecks.SchemaErrorsAsync(tasks[line.CustomId], line));
            Assert.Equal("slm:fake-slm", line.ServedBy);
        }

        Assert.Equal("shipping", Assert.Single(lines, l => l.CustomId == "c1" && l.Status == BatchTaskStatus.Completed).Result!.Value.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Run_without_out_streams_results_to_stdout_and_progress_to_stderr()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exitCode = await HeteroCli.RunAsync(["batch", "run", input], Context(stdout, stderr));
        Assert.True(exitCode == 0, stderr.ToString());

        var jsonl = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(MixedBatch.TaskLines, jsonl.Length);
        var log = stderr.ToString();
        Assert.Contains("progress: done 14/14", log, StringComparison.Ordinal);
        Assert.Contains("completed", log, StringComparison.Ordinal);
        Assert.Contains("failed: malformed_json", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Interactive_run_renders_the_live_bar_and_the_summary_table()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        var output = Path.Combine(_directory, "out.jsonl");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = Context(stdout, stderr);
        var interactive = new CliContext { Out = stdout, Error = stderr, Interactive = true, Configuration = context.Configuration };

        var exit = await HeteroCli.RunAsync(["batch", "run", input, "--out", output], interactive);

        Assert.True(exit == 0, stderr.ToString());
        var log = stderr.ToString();
        Assert.DoesNotContain("progress: ", log, StringComparison.Ordinal);
        Assert.Contains(" esc | ", log, StringComparison.Ordinal);
        Assert.Contains("escalated", log, StringComparison.Ordinal);
        Assert.Equal(MixedBatch.TaskLines, ResultChecks.ReadOutput(output).Count);
    }

    [Fact]
    public async Task Run_of_a_missing_file_fails_with_its_path()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var missing = Path.Combine(_directory, "nope.jsonl");

        Assert.Equal(2, await HeteroCli.RunAsync(["batch", "run", missing], Context(stdout, stderr)));
        Assert.Contains(missing, stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_option_value_fails_at_start_naming_the_key()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var context = Context(stdout, stderr);
        var bad = new CliContext
        {
            Out = stdout, Error = stderr, Interactive = false,
            Configuration = new Dictionary<string, string?>(context.Configuration) { ["Hetero:Batch:MaxInFlightSends"] = "0" },
        };

        Assert.Equal(2, await HeteroCli.RunAsync(["batch", "run", input], bad));
        Assert.Contains("MaxInFlightSends", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_refuses_the_in_memory_transport()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, await HeteroCli.RunAsync(["batch", "submit", input, "--transport", "inmemory"], Context(stdout, stderr)));
        Assert.Contains("--transport rabbitmq", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_transport_is_a_usage_error()
    {
        var input = await MixedBatch.WriteAsync(_directory);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.NotEqual(0, await HeteroCli.RunAsync(["batch", "run", input, "--transport", "kafka"], Context(stdout, stderr)));
        Assert.Contains("inmemory or rabbitmq", stderr.ToString() + stdout.ToString(), StringComparison.Ordinal);
    }
}

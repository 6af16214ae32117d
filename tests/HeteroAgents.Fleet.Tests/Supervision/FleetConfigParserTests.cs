using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Supervision;

public sealed class FleetConfigParserTests
{
    private const string Full = """
        {
          // comments and trailing commas are allowed
          "pollIntervalSeconds": 2,
          "scaleUpCooldownSeconds": 5,
          "scaleDownCooldownSeconds": 30,
          "shutdownTimeoutSeconds": 20,
          "restartBackoff": { "initialSeconds": 0.5, "maxSeconds": 8, "multiplier": 3, "resetAfterSeconds": 40 },
          "workers": {
            "classify": { "min": 1, "max": 6, "targetPerWorker": 40, "model": "qwen2.5-0.5b" },
            "tool-call": {
              "min": 0, "max": 2, "targetPerWorker": 10,
              "command": "/opt/hetero/hetero-worker", "args": ["--task", "tool_call", "--verbose"],
              "env": { "HETERO__SLM__ENDPOINT": "http://127.0.0.1:8000/v1", "HETERO__SLM__MODEL": "from-env" },
              "model": "ignored-because-env-sets-it",
              "queue": "custom-tool-queue",
            },
          },
        }
        """;

    [Fact]
    public void Parses_every_field()
    {
        var config = FleetConfigParser.Parse(Full);

        Assert.Equal(TimeSpan.FromSeconds(2), config.PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(5), config.ScaleUpCooldown);
        Assert.Equal(TimeSpan.FromSeconds(30), config.ScaleDownCooldown);
        Assert.Equal(TimeSpan.FromSeconds(20), config.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromMilliseconds(500), config.RestartBackoff.Initial);
        Assert.Equal(TimeSpan.FromSeconds(8), config.RestartBackoff.Max);
        Assert.Equal(3, config.RestartBackoff.Multiplier);
        Assert.Equal(TimeSpan.FromSeconds(40), config.RestartBackoff.ResetAfter);
        Assert.Equal(2, config.Workers.Count);

        var classify = config.Workers[0];
        Assert.Equal(TaskType.Classify, classify.TaskType);
        Assert.Equal("hetero-classify", classify.Queue);
        Assert.Equal((1, 6, 40), (classify.Min, classify.Max, classify.TargetPerWorker));
        Assert.Equal("hetero-worker", classify.Command);
        Assert.Equal(["--task", "classify"], classify.Args);
        Assert.Equal("qwen2.5-0.5b", classify.EffectiveEnvironment()["HETERO__SLM__MODEL"]);

        var tool = config.Workers[1];
        Assert.Equal(TaskType.ToolCall, tool.TaskType);
        Assert.Equal("custom-tool-queue", tool.Queue);
        Assert.Equal("/opt/hetero/hetero-worker", tool.Command);
        Assert.Equal(["--task", "tool_call", "--verbose"], tool.Args);
        Assert.Equal("http://127.0.0.1:8000/v1", tool.EffectiveEnvironment()["HETERO__SLM__ENDPOINT"]);
        Assert.Equal("from-env", tool.EffectiveEnvironment()["HETERO__SLM__MODEL"]);

        var scaling = tool.ToScalingOptions(config);
        Assert.Equal((0, 2, 10), (scaling.MinWorkers, scaling.MaxWorkers, scaling.TargetPerWorker));
        Assert.Equal(TimeSpan.FromSeconds(30), scaling.ScaleDownCooldown);
    }

    [Fact]
    public void Minimal_config_gets_defaults()
    {
        var config = FleetConfigParser.Parse("""{ "workers": { "summarize": {} } }""");
        var pool = Assert.Single(config.Workers);
        Assert.Equal(TaskType.Summarize, pool.TaskType);
        Assert.Equal("hetero-summarize", pool.Queue);
        Assert.Equal((1, 4, 50), (pool.Min, pool.Max, pool.TargetPerWorker));
        Assert.Equal(TimeSpan.FromSeconds(5), config.PollInterval);
        Assert.Empty(pool.EffectiveEnvironment());
    }

    [Theory]
    [InlineData("""{ "workers": { "classify": { "min": 3, "max": 2 } } }""", "$.workers.classify.max", "must be >= min (3), got 2")]
    [InlineData("""{ "workers": { "classfy": {} } }""", "$.workers.classfy", "unknown task type 'classfy'")]
    [InlineData("""{ "workers": { "classify": { "maxx": 2 } } }""", "$.workers.classify.maxx", "unknown field")]
    [InlineData("""{ "workers": { "extract": { "targetPerWorker": 0 } } }""", "$.workers.extract.targetPerWorker", "must be >= 1, got 0")]
    [InlineData("""{ "workers": { "extract": { "min": "two" } } }""", "$.workers.extract.min", "expected a whole number, got string \"two\"")]
    [InlineData("""{ "workers": { "extract": { "min": 1.5 } } }""", "$.workers.extract.min", "expected a whole number, got number 1.5")]
    [InlineData("""{ "workers": { "extract": { "args": ["--task", 3] } } }""", "$.workers.extract.args[1]", "expected a string, got number 3")]
    [InlineData("""{ "workers": { "extract": { "env": { "A": 1 } } } }""", "$.workers.extract.env.A", "expected a string")]
    [InlineData("""{ "workers": { "extract": { "command": "" } } }""", "$.workers.extract.command", "expected a non-empty string")]
    [InlineData("""{ "pollIntervalSeconds": 0, "workers": { "extract": {} } }""", "$.pollIntervalSeconds", "must be > 0")]
    [InlineData("""{ "scaleDownCooldownSeconds": -5, "workers": { "extract": {} } }""", "$.scaleDownCooldownSeconds", "must be >= 0")]
    [InlineData("""{ "restartBackoff": { "initialSeconds": 10, "maxSeconds": 5 }, "workers": { "extract": {} } }""", "$.restartBackoff.maxSeconds", "must be >= initialSeconds (10), got 5")]
    [InlineData("""{ "restartBackoff": { "multiplier": 0.5 }, "workers": { "extract": {} } }""", "$.restartBackoff.multiplier", "must be >= 1, got 0.5")]
    [InlineData("""{ "workers": { "extract": {}, "EXTRACT": {} } }""", "$.workers.EXTRACT", "configured twice")]
    [InlineData("""{ "workers": {} }""", "$.workers", "configures no task type")]
    [InlineData("""{ }""", "$.workers", "is required")]
    [InlineData("""[1, 2]""", "$", "expected an object, got an array")]
    [InlineData("""{ "workerz": {}, "workers": { "extract": {} } }""", "$.workerz", "unknown field")]
    public void Reports_the_field_path_and_value_at_fault(string json, string path, string message)
    {
        var error = Assert.Throws<FleetConfigException>(() => FleetConfigParser.Parse(json, "'fleet.json'"));
        var located = Assert.Single(error.Errors, e => e.Path == path);
        Assert.Contains(message, located.Message, StringComparison.Ordinal);
        Assert.Contains("'fleet.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(path + ": ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_every_error_at_once()
    {
        var error = Assert.Throws<FleetConfigException>(() => FleetConfigParser.Parse(
            """{ "pollIntervalSeconds": "5", "workers": { "classify": { "min": -1 }, "nope": {} } }"""));
        Assert.Equal(
            ["$.pollIntervalSeconds", "$.workers.classify.min", "$.workers.nope"],
            error.Errors.Select(e => e.Path).ToArray());
    }

    [Fact]
    public void Syntax_errors_name_line_and_column()
    {
        var error = Assert.Throws<FleetConfigException>(() => FleetConfigParser.Parse("{\n  \"workers\": {\n    \"classify\": { \"min\": 1 \n  }\n"));
        var only = Assert.Single(error.Errors);
        Assert.Equal("$", only.Path);
        Assert.Matches(@"not valid JSON at line \d+, column \d+", only.Message);
    }

    [Fact]
    public async Task LoadAsync_names_a_missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fleet-missing-{Guid.NewGuid():N}.json");
        var error = await Assert.ThrowsAsync<FleetConfigException>(() => FleetConfigParser.LoadAsync(path, CancellationToken.None));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_reads_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fleet-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """{ "workers": { "extract": { "max": 3 } } }""");
        try
        {
            var config = await FleetConfigParser.LoadAsync(path, CancellationToken.None);
            Assert.Equal(3, Assert.Single(config.Workers).Max);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

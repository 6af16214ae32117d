using HeteroAgents.Contracts;
using HeteroAgents.Worker.Hosting;
using Microsoft.Extensions.Configuration;

namespace HeteroAgents.Worker.Tests.Hosting;

public sealed class WorkerCommandLineTests
{
    private static IConfiguration Configuration(string[] args, IDictionary<string, string?>? environment = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(environment ?? new Dictionary<string, string?>()).AddWorkerCommandLine(args).Build();

    [Theory]
    [InlineData("classify", "classify")]
    [InlineData("tool_call", "tool_call")]
    [InlineData("tool-call", "tool_call")]
    [InlineData("SUMMARIZE", "summarize")]
    public void Task_flag_selects_the_task_type(string value, string expected)
    {
        Assert.True(WorkerCommandLine.TryGetTaskType(Configuration(["--task", value]), out var type, out _));
        Assert.Equal(TaskType.Named(expected), type);
    }

    [Fact]
    public void Model_and_endpoint_flags_map_onto_the_slm_section()
    {
        var configuration = Configuration(["--task", "extract", "--model", "qwen2.5-0.5b", "--endpoint", "http://127.0.0.1:9/v1"]);

        Assert.Equal("qwen2.5-0.5b", configuration["Hetero:Slm:Model"]);
        Assert.Equal("http://127.0.0.1:9/v1", configuration["Hetero:Slm:Endpoint"]);
    }

    [Fact]
    public void Command_line_overrides_the_environment()
    {
        var configuration = Configuration(["--task", "extract"], new Dictionary<string, string?> { ["Hetero:Worker:Task"] = "classify" });

        Assert.True(WorkerCommandLine.TryGetTaskType(configuration, out var type, out _));
        Assert.Equal(TaskType.Extract, type);
    }

    [Fact]
    public void Missing_task_is_explained()
    {
        Assert.False(WorkerCommandLine.TryGetTaskType(Configuration([]), out _, out var error));
        Assert.Contains("--task", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_task_lists_the_valid_ones()
    {
        Assert.False(WorkerCommandLine.TryGetTaskType(Configuration(["--task", "translate"]), out _, out var error));
        Assert.Contains("'translate'", error, StringComparison.Ordinal);
        Assert.Contains("classify, extract, tool_call, summarize", error, StringComparison.Ordinal);
    }
}

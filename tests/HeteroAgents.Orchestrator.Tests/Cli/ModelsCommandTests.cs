using System.Text;
using HeteroAgents.Inference.Tests.TestSupport;
using HeteroAgents.Orchestrator.Tests.Support;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero models pull|list` against the Inference tests' local hub-like HTTP server (<see cref="FakeHubServer"/>).</summary>
public sealed class ModelsCommandTests : IDisposable
{
    private const string Repo = "test-org/tiny-model";
    private readonly FakeHubServer _hub = new(Repo, "main");
    private readonly string _cache = Directory.CreateTempSubdirectory("hetero-cli-models-").FullName;
    private readonly byte[] _weights = Enumerable.Range(0, 200_000).Select(i => (byte)(i * 13)).ToArray();

    public ModelsCommandTests()
    {
        _hub.Add("config.json", Encoding.UTF8.GetBytes("{\"model_type\":\"llama\"}"));
        _hub.Add("onnx/model.onnx", _weights);
        _hub.Add("README.md", Encoding.UTF8.GetBytes("# tiny"));
    }

    private Dictionary<string, string?> Configuration => new() { ["Hetero:Models:CacheDirectory"] = _cache };

    public void Dispose()
    {
        _hub.Dispose();
        Directory.Delete(_cache, recursive: true);
    }

    [Fact]
    public async Task Pull_downloads_with_progress_and_list_shows_the_model()
    {
        var pull = await CliRunner.RunAsync(Configuration, ["models", "pull", Repo, "--endpoint", _hub.Endpoint.ToString(), "--include", "onnx/*", "*.json"]);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        var dir = Path.Combine(_cache, "test-org", "tiny-model", "main");
        Assert.Equal(_weights, await File.ReadAllBytesAsync(Path.Combine(dir, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(dir, "README.md")));
        Assert.Contains("onnx/model.onnx (", pull.Error, StringComparison.Ordinal);
        Assert.Contains("200,000/200,000", pull.Error, StringComparison.Ordinal);

        var list = await CliRunner.RunAsync(Configuration, ["models", "list"]);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains(Repo, list.Out, StringComparison.Ordinal);
        Assert.Contains(dir, list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_without_include_takes_the_quantized_export_on_cpu_and_says_so()
    {
        _hub.Add("onnx/model_q4.onnx", _weights);
        _hub.Add("onnx/model_fp16.onnx", _weights);

        var pull = await CliRunner.RunAsync(Configuration, ["models", "pull", Repo, "--endpoint", _hub.Endpoint.ToString()]);

        Assert.True(pull.ExitCode == 0, pull.ToString());
        var dir = Path.Combine(_cache, "test-org", "tiny-model", "main");
        Assert.True(File.Exists(Path.Combine(dir, "onnx", "model_q4.onnx")));
        Assert.False(File.Exists(Path.Combine(dir, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(dir, "onnx", "model_fp16.onnx")));
        Assert.Contains("chose onnx/model_q4.onnx (q4)", pull.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_of_an_unknown_repository_fails_naming_it()
    {
        var result = await CliRunner.RunAsync(Configuration, ["models", "pull", "test-org/other", "--endpoint", _hub.Endpoint.ToString()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("test-org/other", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_repository_id_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync(Configuration, ["models", "pull", "just-a-name"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("owner/name", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_of_an_empty_cache_says_how_to_pull()
    {
        var result = await CliRunner.RunAsync(Configuration, ["models", "list"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("hetero models pull", result.Error, StringComparison.Ordinal);
    }
}

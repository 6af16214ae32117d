using System.Text;
using HeteroAgents.Inference.Hub;
using HeteroAgents.Inference.Tests.TestSupport;

namespace HeteroAgents.Inference.Tests.Hub;

public sealed class ModelStoreTests : IDisposable
{
    private const string Repo = "test-org/tiny-model";
    private readonly FakeHubServer _server = new(Repo, "main");
    private readonly HttpClient _http = new();
    private readonly byte[] _weights = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
    private readonly byte[] _config = Encoding.UTF8.GetBytes("{\"model_type\":\"llama\"}");

    public ModelStoreTests()
    {
        _server.Add("config.json", _config);
        _server.Add("onnx/model.onnx", _weights);
        _server.Add("README.md", Encoding.UTF8.GetBytes("# tiny"));
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Pull_downloads_verifies_and_lists_the_model()
    {
        var store = Store(out var cache);
        var progress = new RecordingProgress();

        var model = await store.PullAsync(Repo, progress: progress);

        Assert.Equal(Path.Combine(cache, "test-org", "tiny-model", "main"), model.Directory);
        Assert.Equal(_weights, await File.ReadAllBytesAsync(Path.Combine(model.Directory, "onnx", "model.onnx")));
        Assert.Equal(_config, await File.ReadAllBytesAsync(Path.Combine(model.Directory, "config.json")));
        Assert.Contains(progress.Reports, p => p.File == "onnx/model.onnx" && p.FileBytes == _weights.Length && p.FileSize == _weights.Length);
        var listed = Assert.Single(store.List());
        Assert.Equal(Repo, listed.Repository);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", listed.Commit);
        Assert.Equal(model.Directory, store.Resolve(Repo));
    }

    [Theory]
    [InlineData(false, "onnx/model_q4.onnx")]
    [InlineData(true, "onnx/model_fp16.onnx")]
    public async Task Without_include_patterns_the_runtime_files_and_the_export_for_the_device_are_pulled(bool gpu, string expected)
    {
        foreach (var name in new[] { "onnx/model_fp16.onnx", "onnx/model_q4.onnx", "onnx/model_q4f16.onnx", "model.safetensors", "tokenizer.json", "chat_template.jinja" })
        {
            _server.Add(name, Encoding.UTF8.GetBytes(name));
        }

        _server.Add("onnx/model_q4.onnx_data", _weights);
        var store = Store(out _);

        var model = await store.PullAsync(Repo, gpu: gpu);

        Assert.Equal(expected, model.OnnxFile);
        var extra = gpu ? Array.Empty<string>() : ["onnx/model_q4.onnx_data"];
        Assert.Equal(["chat_template.jinja", "config.json", expected, .. extra, "tokenizer.json"], model.Files.Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.False(File.Exists(Path.Combine(model.Directory, "model.safetensors")));
    }

    [Theory]
    [InlineData(false, "smol.Q4_K_M.gguf")]
    [InlineData(true, "smol.Q8_0.gguf")]
    public async Task A_gguf_repository_pulls_one_quantization_for_the_device_and_nothing_else(bool gpu, string expected)
    {
        using var hub = new FakeHubServer("test-org/tiny-gguf", "main");
        foreach (var name in new[] { "README.md", ".gitattributes", "smol.Q2_K.gguf", "smol.Q4_K_M.gguf", "smol.Q8_0.gguf", "smol.F16-00001-of-00002.gguf", "smol.F16-00002-of-00002.gguf", "mmproj-smol.Q4_K_M.gguf" })
        {
            hub.Add(name, Encoding.UTF8.GetBytes("GGUF " + name));
        }

        var cache = TempDirectory.Create();
        var options = new HubOptions { Endpoint = hub.Endpoint, CacheDirectory = cache };
        var store = new ModelStore(new HubClient(_http, options), options);

        var model = await store.PullAsync("test-org/tiny-gguf", gpu: gpu);

        Assert.Equal(expected, model.GgufFile);
        Assert.Null(model.OnnxFile);
        Assert.Equal([expected], model.Files.Select(f => f.Path));
        Assert.Equal("GGUF " + expected, await File.ReadAllTextAsync(Path.Combine(model.Directory, expected)));
        Assert.Equal([expected], Directory.EnumerateFiles(model.Directory, "*.gguf").Select(Path.GetFileName));
        Assert.Equal(expected, Assert.Single(store.List()).GgufFile);
    }

    [Fact]
    public async Task Include_patterns_select_files()
    {
        var store = Store(out _);

        var model = await store.PullAsync(Repo, include: ["*.json"]);

        Assert.Equal(["config.json"], model.Files.Select(f => f.Path));
        Assert.False(File.Exists(Path.Combine(model.Directory, "README.md")));
    }

    [Fact]
    public async Task Corrupt_file_fails_sha256_verification_and_leaves_nothing_behind()
    {
        _server.Corrupt.Add("onnx/model.onnx");
        var store = Store(out _);

        var ex = await Assert.ThrowsAsync<HubDownloadException>(() => store.PullAsync(Repo));

        Assert.Contains("onnx/model.onnx", ex.Message, StringComparison.Ordinal);
        Assert.Contains("SHA-256", ex.Message, StringComparison.Ordinal);
        var dir = store.PathFor(Repo);
        Assert.False(File.Exists(Path.Combine(dir, "onnx", "model.onnx")));
        Assert.False(File.Exists(Path.Combine(dir, "onnx", "model.onnx.partial")));
        Assert.Empty(store.List());
    }

    [Fact]
    public async Task Interrupted_download_resumes_with_a_range_request()
    {
        _server.CutOnce.Add("onnx/model.onnx");
        var store = Store(out _);

        await Assert.ThrowsAnyAsync<Exception>(() => store.PullAsync(Repo));
        var partial = Path.Combine(store.PathFor(Repo), "onnx", "model.onnx.partial");
        var kept = new FileInfo(partial).Length;
        Assert.InRange(kept, 1, _weights.Length - 1);

        var model = await store.PullAsync(Repo);

        Assert.Equal(_weights, await File.ReadAllBytesAsync(Path.Combine(model.Directory, "onnx", "model.onnx")));
        Assert.Contains(_server.Requests, r => r.Path == "onnx/model.onnx" && r.Range == $"bytes={kept}-");
    }

    [Fact]
    public async Task Second_pull_reuses_verified_files()
    {
        var store = Store(out _);
        await store.PullAsync(Repo);
        var before = _server.Requests.Count;

        await store.PullAsync(Repo);

        Assert.Equal(before, _server.Requests.Count);
    }

    [Fact]
    public async Task Unsafe_file_names_are_refused()
    {
        _server.ExtraSiblings.Add("../escape.txt");
        var store = Store(out _);

        var ex = await Assert.ThrowsAsync<HubDownloadException>(() => store.PullAsync(Repo));

        Assert.Contains("../escape.txt", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_repository_or_revision_is_named()
    {
        var store = Store(out _);

        var ex = await Assert.ThrowsAsync<HubDownloadException>(() => store.PullAsync(Repo, "v9"));

        Assert.Contains($"'{Repo}' at revision 'v9'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolving_an_unknown_model_says_how_to_pull_it()
    {
        var store = Store(out _);

        var ex = Assert.Throws<HubDownloadException>(() => store.Resolve("someone/missing@dev"));

        Assert.Contains("hetero models pull someone/missing --revision dev", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registered_store_pulls_with_configured_endpoint_and_cache()
    {
        var cache = TempDirectory.Create();
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new());
        Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(builder.Configuration, new Dictionary<string, string?>
        {
            ["Hetero:Models:Endpoint"] = _server.Endpoint.ToString(),
            ["Hetero:Models:CacheDirectory"] = cache,
        });
        builder.Services.AddHeteroModelStore();
        using var host = builder.Build();

        var model = await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ModelStore>(host.Services).PullAsync(Repo, include: ["config.json"]);

        Assert.StartsWith(cache, model.Directory, StringComparison.Ordinal);
    }

    private ModelStore Store(out string cache)
    {
        cache = TempDirectory.Create();
        var options = new HubOptions { Endpoint = _server.Endpoint, CacheDirectory = cache };
        return new ModelStore(new HubClient(_http, options), options);
    }

    private sealed class RecordingProgress : IProgress<DownloadProgress>
    {
        public List<DownloadProgress> Reports { get; } = [];

        public void Report(DownloadProgress value)
        {
            lock (Reports)
            {
                Reports.Add(value);
            }
        }
    }
}

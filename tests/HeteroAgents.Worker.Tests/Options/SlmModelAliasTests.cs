using HeteroAgents.Inference.Hub;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Tests.Options;

/// <summary><c>Hetero:Slm:ModelPath</c> and <c>--model</c> (<c>Hetero:Slm:Model</c>) accept a model-store alias, owner/name[@revision].</summary>
public sealed class SlmModelAliasTests : IDisposable
{
    private readonly string _cache = Directory.CreateTempSubdirectory("hetero-worker-alias-").FullName;

    public void Dispose() => Directory.Delete(_cache, recursive: true);

    private string Cached(string owner, string name, string revision)
    {
        var dir = Path.Combine(_cache, owner, name, revision);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, ModelStore.ManifestName), "{}");
        return dir;
    }

    private SlmOptions Resolve(Dictionary<string, string?> settings)
    {
        settings["Hetero:Models:CacheDirectory"] = _cache;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddHeteroWorker(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SlmOptions>>().Value;
    }

    [Fact]
    public void A_cached_alias_in_ModelPath_resolves_to_its_cache_folder_and_names_the_model()
    {
        var dir = Cached("acme", "tiny-instruct", "main");

        var options = Resolve(new() { ["Hetero:Slm:ModelPath"] = "acme/tiny-instruct" });

        Assert.Equal(dir, options.ModelPath);
        Assert.Equal("tiny-instruct", options.Model);
    }

    [Fact]
    public void An_alias_with_a_revision_resolves_to_that_revision()
    {
        Cached("acme", "tiny-instruct", "main");
        var pinned = Cached("acme", "tiny-instruct", "0123abcd");

        var options = Resolve(new() { ["Hetero:Slm:ModelPath"] = "acme/tiny-instruct@0123abcd" });

        Assert.Equal(pinned, options.ModelPath);
    }

    [Fact]
    public void Model_switch_with_a_cached_alias_and_no_endpoint_becomes_the_model_path()
    {
        var dir = Cached("acme", "tiny-instruct", "main");

        var options = Resolve(new() { ["Hetero:Slm:Model"] = "acme/tiny-instruct" });

        Assert.Equal(dir, options.ModelPath);
        Assert.Equal("tiny-instruct", options.Model);
    }

    [Fact]
    public void Model_name_with_a_slash_stays_a_model_name_when_an_endpoint_is_set()
    {
        Cached("acme", "tiny-instruct", "main");

        var options = Resolve(new() { ["Hetero:Slm:Model"] = "acme/tiny-instruct", ["Hetero:Slm:Endpoint"] = "http://127.0.0.1:8000/v1" });

        Assert.Null(options.ModelPath);
        Assert.Equal("acme/tiny-instruct", options.Model);
    }

    [Fact]
    public void A_missing_alias_fails_validation_naming_the_pull_command()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new() { ["Hetero:Slm:ModelPath"] = "acme/not-pulled@v2" }));

        Assert.Contains("Hetero:Slm:ModelPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("hetero models pull acme/not-pulled --revision v2", error.Message, StringComparison.Ordinal);
    }
}

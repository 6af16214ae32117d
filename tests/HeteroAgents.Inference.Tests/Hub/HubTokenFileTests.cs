using System.Text;
using HeteroAgents.Inference.Hub;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Inference.Tests.Hub;

/// <summary><c>Hetero:Models:TokenFile</c>: the hub token read from a secret file and sent as the bearer token.</summary>
public sealed class HubTokenFileTests : IDisposable
{
    private const string Repo = "test-org/gated-model";
    private readonly FakeHubServer _server = new(Repo, "main");
    private readonly string _dir = TempDirectory.Create();

    public HubTokenFileTests() => _server.Add("config.json", Encoding.UTF8.GetBytes("{\"model_type\":\"llama\"}"));

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task The_token_from_the_file_is_sent_as_the_bearer_token_and_wins_over_the_plain_setting()
    {
        var tokenFile = Path.Combine(_dir, "hf-token");
        await File.WriteAllTextAsync(tokenFile, "hf_token_from_file\n");
        using var host = Build(new()
        {
            ["Hetero:Models:Token"] = "hf_plain_setting",
            ["Hetero:Models:TokenFile"] = tokenFile,
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<ModelStore>().PullAsync(Repo, include: ["config.json"]);

        Assert.NotEmpty(_server.Authorizations);
        Assert.All(_server.Authorizations, a => Assert.Equal("Bearer hf_token_from_file", a));
        await host.StopAsync();
    }

    [Fact]
    public async Task Without_a_token_no_authorization_header_is_sent()
    {
        using var host = Build([]);

        await host.Services.GetRequiredService<ModelStore>().PullAsync(Repo, include: ["config.json"]);

        Assert.NotEmpty(_server.Authorizations);
        Assert.All(_server.Authorizations, Assert.Null);
    }

    [Fact]
    public async Task A_missing_token_file_stops_the_start_naming_the_setting_and_the_path()
    {
        var missing = Path.Combine(_dir, "no-such-token");
        using var host = Build(new() { ["Hetero:Models:TokenFile"] = missing });

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains($"Hetero:Models:TokenFile names '{missing}', which does not exist.", ex.Message, StringComparison.Ordinal);
    }

    private IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        settings["Hetero:Models:Endpoint"] = _server.Endpoint.ToString();
        settings["Hetero:Models:CacheDirectory"] = Path.Combine(_dir, "cache");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddHeteroModelStore();
        return builder.Build();
    }
}

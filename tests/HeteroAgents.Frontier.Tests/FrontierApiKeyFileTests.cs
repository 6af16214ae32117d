using HeteroAgents.Testing.OpenAi;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Frontier.Tests;

/// <summary>The frontier API key from a secret file (Docker/Kubernetes secrets) instead of the environment.</summary>
public sealed class FrontierApiKeyFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-frontier-key-");

    [Fact]
    public async Task The_key_file_is_sent_as_the_bearer_token()
    {
        var keyFile = Path.Combine(_dir.FullName, "frontier-api-key");
        await File.WriteAllTextAsync(keyFile, "frontier-key-from-file\n");
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { Responder = _ => """{"label":"shipping"}""" });
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Frontier:Model"] = "big-model",
            ["Hetero:Frontier:Endpoint"] = server.BaseAddress + "/",
            ["Hetero:Frontier:ApiKeyFile"] = keyFile,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IChatClient>(HeteroFrontier.ServiceKey);

        await client.GetResponseAsync("hello");

        Assert.Equal("Bearer frontier-key-from-file", Assert.Single(server.Requests).Authorization);
    }

    [Fact]
    public void A_missing_key_file_fails_validation_at_start()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Frontier:Model"] = "big-model",
            ["Hetero:Frontier:Endpoint"] = "http://127.0.0.1:1/v1/",
            ["Hetero:Frontier:ApiKeyFile"] = Path.Combine(_dir.FullName, "absent"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FrontierOptions>>().Value);

        Assert.Contains("Hetero:Frontier:ApiKeyFile", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Delete(recursive: true);
}

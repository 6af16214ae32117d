using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Tests.Backends;

/// <summary>The OpenAI-compatible backend's API key from a secret file, sent as the bearer token.</summary>
public sealed class OpenAiCompatibleBackendKeyTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("hetero-slm-key-");

    [Fact]
    public async Task The_api_key_file_overrides_the_value_and_is_sent_as_the_bearer_token()
    {
        var keyFile = Path.Combine(_dir.FullName, "slm-api-key");
        await File.WriteAllTextAsync(keyFile, "key-from-file-9e1\n");
        await using var server = FakeOpenAiCompatibleServer.Start();
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Hetero:Slm:ApiKey"] = "key-from-environment",
            ["Hetero:Slm:ApiKeyFile"] = keyFile,
        });
        await using var _ = provider;

        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(ResultSchemas.For(SampleTasks.Classify())), "hetero_result", "The task's result."),
        };
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "<text>\nwhere is my refund\n</text>")], options);

        Assert.Equal("Bearer key-from-file-9e1", Assert.Single(server.Requests).Authorization);
        Assert.Equal("key-from-file-9e1", OpenAiBackend.Options(provider).ApiKey);
    }

    [Fact]
    public void A_missing_api_key_file_is_a_validation_error_naming_the_setting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Slm:Endpoint"] = "http://127.0.0.1:1/v1",
            ["Hetero:Slm:ApiKeyFile"] = Path.Combine(_dir.FullName, "absent"),
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddHeteroWorker(configuration).BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SlmOptions>>().Value);

        Assert.Contains(ex.Failures, f => f.StartsWith("Hetero:Slm:ApiKeyFile names", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}

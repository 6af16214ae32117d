using HeteroAgents.Testing.Tasks;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.AI;

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
        var options = new SlmOptions { ApiKeyFile = Path.Combine(_dir.FullName, "absent") };

        var results = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).ToList();

        Assert.Contains(results, r => r.ErrorMessage!.StartsWith("Hetero:Slm:ApiKeyFile names", StringComparison.Ordinal));
    }

    public void Dispose() => _dir.Delete(recursive: true);
}

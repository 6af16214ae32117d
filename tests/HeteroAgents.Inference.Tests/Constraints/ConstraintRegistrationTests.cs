using System.Text.Json;
using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Inference.Tests.Constraints;

public sealed class ConstraintRegistrationTests
{
    [Fact]
    public async Task AddOnnxChatClient_serves_json_schema_formats_with_the_decoding_engine_by_default()
    {
        var services = new ServiceCollection();
        services.AddOnnxChatClient(TinyModel.Shared);
        await using var provider = services.BuildServiceProvider();

        var factory = Assert.IsType<DecodingJsonSchemaConstraintFactory>(provider.GetRequiredService<IJsonSchemaConstraintFactory>());
        Assert.Same(ModelTokenVocabulary.For(TinyModel.Shared), factory.Vocabulary);
        var client = provider.GetRequiredService<IChatClient>();
        using var schema = JsonDocument.Parse("""{"type":"object","properties":{"urgent":{"type":"boolean"}},"required":["urgent"],"additionalProperties":false}""");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Is this urgent?")], new ChatOptions
        {
            MaxOutputTokens = 32,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema.RootElement, "answer"),
        });

        using var answer = JsonDocument.Parse(response.Text);
        Assert.Equal(JsonValueKind.Object, answer.RootElement.ValueKind);
        Assert.Contains(answer.RootElement.EnumerateObject().Single().Value.ValueKind, new[] { JsonValueKind.True, JsonValueKind.False });
    }

    [Fact]
    public async Task A_factory_registered_first_replaces_the_default()
    {
        var fake = new FakeJsonSchemaConstraintFactory([10, 20], 2);
        var services = new ServiceCollection();
        services.AddSingleton<IJsonSchemaConstraintFactory>(fake);
        services.AddOnnxChatClient(TinyModel.Shared);
        await using var provider = services.BuildServiceProvider();

        Assert.Same(fake, provider.GetRequiredService<IJsonSchemaConstraintFactory>());
    }
}

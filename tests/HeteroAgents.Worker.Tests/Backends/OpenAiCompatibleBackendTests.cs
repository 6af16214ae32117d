using HeteroAgents.Testing.Tasks;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Inference;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Backends;

public sealed class OpenAiCompatibleBackendTests
{
    private static ChatOptions SchemaOptions(ITaskMessage task) => new()
    {
        ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(ResultSchemas.For(task)), "hetero_result", "The task's result."),
        MaxOutputTokens = 64,
    };

    [Fact]
    public async Task Sends_the_result_schema_verbatim_as_strict_json_schema_and_asks_for_logprobs()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress);
        await using var _ = provider;
        var task = SampleTasks.Extract();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "<text>\nOrder number: A-1234\n</text>")], SchemaOptions(task));

        var request = Assert.Single(server.Requests);
        Assert.Equal("fake-slm", request.Model);
        Assert.Equal("json_schema", request.ResponseFormatType);
        Assert.True(request.Strict);
        Assert.True(request.LogProbsRequested);
        // Not rewritten for OpenAI's strict subset: the optional 'email' stays optional.
        Assert.True(JsonElement.DeepEquals(task.Input.Schema, request.Schema!.Value));
        Assert.Equal("""{"order_number":"A-1234"}""", response.Text);
    }

    [Fact]
    public async Task Token_logprobs_become_min_token_probability_and_sequence_logprob()
    {
        await using var server = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { TokenLogProbability = Math.Log(0.8) });
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress);
        await using var _ = provider;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "<text>\nwhere is my refund\n</text>")], SchemaOptions(SampleTasks.Classify()));

        var min = Assert.IsType<double>(response.AdditionalProperties![ChatResponseProperties.MinTokenProbability]);
        var sum = Assert.IsType<double>(response.AdditionalProperties![ChatResponseProperties.SequenceLogProbability]);
        Assert.Equal(0.8, min, 5);
        var tokens = (int)response.Usage!.OutputTokenCount!.Value;
        Assert.True(tokens > 0);
        Assert.Equal(tokens * Math.Log(0.8), sum, 4);
        Assert.True(response.Usage.InputTokenCount > 0);
    }

    [Fact]
    public async Task Logprobs_are_not_requested_when_turned_off_and_strict_can_be_turned_off()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress, new Dictionary<string, string?>
        {
            ["Hetero:Slm:RequestLogProbs"] = "false",
            ["Hetero:Slm:StrictJsonSchema"] = "false",
        });
        await using var _ = provider;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "<text>\nhi\n</text>")], SchemaOptions(SampleTasks.Summarize()));

        var request = Assert.Single(server.Requests);
        Assert.False(request.LogProbsRequested);
        Assert.False(request.Strict);
        Assert.False(response.AdditionalProperties?.ContainsKey(ChatResponseProperties.MinTokenProbability) ?? false);
    }

    [Fact]
    public async Task Http_503_is_a_transient_backend_failure()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        server.FailNext(1, 503);
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress);
        await using var _ = provider;

        var error = await Assert.ThrowsAsync<ChatBackendException>(() =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], SchemaOptions(SampleTasks.Summarize())));

        Assert.True(error.IsTransient);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount); // the OpenAI client's own retries are off
    }

    [Fact]
    public async Task Http_400_is_a_permanent_backend_failure()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        var (provider, client) = OpenAiBackend.Create(server.BaseAddress);
        await using var _ = provider;

        // No response format: the fake server rejects the request with 400.
        var error = await Assert.ThrowsAsync<ChatBackendException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.False(error.IsTransient);
        Assert.Contains("400", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_endpoint_is_a_transient_backend_failure()
    {
        int port;
        await using (var server = FakeOpenAiCompatibleServer.Start())
        {
            port = server.Port;
        }

        var (provider, client) = OpenAiBackend.Create(new Uri($"http://127.0.0.1:{port}/v1"));
        await using var _ = provider;

        var error = await Assert.ThrowsAsync<ChatBackendException>(() =>
            client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], SchemaOptions(SampleTasks.Summarize())));

        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task Auto_backend_is_openai_with_an_endpoint_and_unconfigured_without()
    {
        await using var server = FakeOpenAiCompatibleServer.Start();
        var (withEndpoint, _) = OpenAiBackend.Create(server.BaseAddress);
        await using var a = withEndpoint;
        var (withoutEndpoint, unconfigured) = OpenAiBackend.Create(server.BaseAddress, new Dictionary<string, string?> { ["Hetero:Slm:Endpoint"] = null });
        await using var b = withoutEndpoint;

        Assert.Equal(BackendNames.OpenAi, OpenAiBackend.ResolvedBackend(withEndpoint));
        Assert.Equal(BackendNames.Unconfigured, OpenAiBackend.ResolvedBackend(withoutEndpoint));
        var error = await Assert.ThrowsAsync<ChatBackendException>(() => unconfigured.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));
        Assert.False(error.IsTransient);
        Assert.Contains("HETERO__SLM__ENDPOINT", error.Message, StringComparison.Ordinal);
    }
}

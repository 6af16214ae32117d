using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Backends;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Tests.Backends;

public sealed class RequestTimeoutChatClientTests
{
    /// <summary>A backend that never answers until cancelled.</summary>
    private sealed class HangingChatClient : IChatClient
    {
        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task Expired_call_becomes_a_transient_backend_failure_naming_the_setting()
    {
        using var client = new BackendErrorChatClient(new RequestTimeoutChatClient(new HangingChatClient(), TimeSpan.FromMilliseconds(50), TimeProvider.System));

        var error = await Assert.ThrowsAsync<ChatBackendException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.True(error.IsTransient);
        Assert.Contains("TimeoutSeconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_backend_failure()
    {
        using var client = new BackendErrorChatClient(new RequestTimeoutChatClient(new HangingChatClient(), TimeSpan.FromMinutes(5), TimeProvider.System));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")], cancellationToken: cancel.Token));
    }

    [Fact]
    public async Task Answers_within_the_timeout_pass_through()
    {
        using var client = new RequestTimeoutChatClient(new ScriptedChatClient().Reply("ok"), TimeSpan.FromMinutes(1), TimeProvider.System);

        Assert.Equal("ok", (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")])).Text);
    }
}

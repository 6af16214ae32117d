using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// The backend used when no model is configured. Every call fails with a permanent <see cref="ChatBackendException"/>
/// that says what to set, so every task escalates with <c>backend_error</c> and that explanation instead of vanishing.
/// </summary>
public sealed class UnconfiguredChatClient : IChatClient
{
    /// <summary>The explanation every call fails with.</summary>
    public const string Explanation =
        "No SLM backend is configured. Set HETERO__SLM__ENDPOINT (Hetero:Slm:Endpoint) to an OpenAI-compatible server, " +
        "e.g. http://127.0.0.1:8000/v1 for vLLM or llama.cpp server, and HETERO__SLM__MODEL (or --model) to the model it serves.";

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new ChatBackendException(Explanation, isTransient: false);

    /// <inheritdoc />
    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new ChatBackendException(Explanation, isTransient: false);

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

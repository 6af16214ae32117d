using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Plugins.Tests.Fakes;

/// <summary>
/// A scripted SLM backend for the real worker pipeline: answers each request with the text scripted for its task
/// type (recognised by the response format's schema name, <c>hetero_&lt;type&gt;_result</c>), and records the requests.
/// </summary>
public sealed class ScriptedSlmChatClient : IChatClient
{
    private readonly ConcurrentDictionary<string, Func<IReadOnlyList<ChatMessage>, string>> _answers = new(StringComparer.Ordinal);

    public ConcurrentQueue<string> Requests { get; } = new();

    public ScriptedSlmChatClient Answer(string taskType, string json) => Answer(taskType, _ => json);

    public ScriptedSlmChatClient Answer(string taskType, Func<IReadOnlyList<ChatMessage>, string> answer)
    {
        _answers[taskType] = answer;
        return this;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var schemaName = (options?.ResponseFormat as ChatResponseFormatJson)?.SchemaName ?? string.Empty;
        var taskType = schemaName.Replace("hetero_", string.Empty, StringComparison.Ordinal).Replace("_result", string.Empty, StringComparison.Ordinal);
        Requests.Enqueue(taskType);
        if (!_answers.TryGetValue(taskType, out var answer))
        {
            throw new InvalidOperationException($"The SLM script has no answer for task type '{taskType}' (schema name '{schemaName}').");
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer(messages.ToList())))
        {
            ModelId = "tiny-slm",
            Usage = new UsageDetails { InputTokenCount = 40, OutputTokenCount = 6 },
        });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The scripted SLM does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

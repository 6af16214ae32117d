using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel.Tests;

/// <summary>
/// A scripted model (the only fake in these tests): answers each call with what the script returns for the prompt,
/// reports usage, model id and optionally a confidence, and records every call it receives.
/// </summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, ChatOptions?, ScriptedAnswer> script) : IChatClient
{
    public List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Calls { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Calls)
        {
            Calls.Add((list, options));
        }

        var answer = script(list, options);
        if (answer.Throw is not null)
        {
            throw answer.Throw;
        }

        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text))
        {
            ModelId = answer.Model,
            Usage = new UsageDetails { InputTokenCount = answer.InputTokens, OutputTokenCount = answer.OutputTokens },
        };
        if (answer.Confidence is { } c)
        {
            response.AdditionalProperties = new() { ["hetero.confidence"] = c };
        }

        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        lock (Calls)
        {
            Calls.Add((list, options));
        }

        var answer = script(list, options);
        var words = answer.Text.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            if (answer.Throw is not null && i == words.Length / 2)
            {
                throw answer.Throw;
            }

            yield return new ChatResponseUpdate(ChatRole.Assistant, (i == 0 ? "" : " ") + words[i]) { ModelId = answer.Model };
        }

        yield return new ChatResponseUpdate { ModelId = answer.Model, Contents = [new UsageContent(new UsageDetails { InputTokenCount = answer.InputTokens, OutputTokenCount = answer.OutputTokens })] };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

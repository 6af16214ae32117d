using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Testing.Chat;

/// <summary>
/// A test-only <see cref="IChatClient"/> that answers from a script instead of a model. Each call takes the next
/// scripted step (a reply, a reply computed from the request, or an exception to throw); when the script is empty
/// it uses the fallback given to the constructor, or fails the call with <see cref="InvalidOperationException"/>.
/// Every call is recorded in <see cref="Requests"/>. Thread-safe. <see cref="FromAnswers"/> makes one that answers every
/// call from a function instead (streamed word by word, failing part-way when the answer says so).
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly ConcurrentQueue<Func<ScriptedChatRequest, ChatResponse>> _script = new();
    private readonly ConcurrentQueue<ScriptedChatRequest> _requests = new();
    private readonly Func<ScriptedChatRequest, ChatResponse>? _fallback;
    private readonly Func<ScriptedChatRequest, ScriptedAnswer>? _answers;

    /// <summary>Creates a client; <paramref name="fallback"/> answers calls once the script is used up.</summary>
    public ScriptedChatClient(Func<ScriptedChatRequest, ChatResponse>? fallback = null) => _fallback = fallback;

    private ScriptedChatClient(Func<ScriptedChatRequest, ScriptedAnswer> answers) => _answers = answers;

    /// <summary>
    /// A client that answers every call with what <paramref name="answers"/> returns for it. Streamed calls yield the
    /// answer word by word and then a usage update; an answer with <see cref="ScriptedAnswer.Throw"/> fails a call at
    /// once, or a streamed call after half of its words.
    /// </summary>
    public static ScriptedChatClient FromAnswers(Func<ScriptedChatRequest, ScriptedAnswer> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return new ScriptedChatClient(answers);
    }

    /// <summary>The calls received so far, in order.</summary>
    public IReadOnlyList<ScriptedChatRequest> Requests => [.. _requests];

    /// <summary>Scripts a reply with <paramref name="text"/>, optional confidence and other additional properties, and token counts.</summary>
    public ScriptedChatClient Reply(string text, double? confidence = null, long inputTokens = 20, long outputTokens = 5,
        IReadOnlyDictionary<string, object?>? properties = null)
    {
        _script.Enqueue(_ => CreateResponse(text, confidence, inputTokens, outputTokens, properties));
        return this;
    }

    /// <summary>Scripts a reply computed from the request.</summary>
    public ScriptedChatClient Respond(Func<ScriptedChatRequest, ChatResponse> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        _script.Enqueue(responder);
        return this;
    }

    /// <summary>Scripts a call that throws <paramref name="exception"/>.</summary>
    public ScriptedChatClient Throw(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        _script.Enqueue(_ => throw exception);
        return this;
    }

    /// <summary>Builds a response like a backend's: one assistant message, usage, and the given additional properties.</summary>
    public static ChatResponse CreateResponse(string text, double? confidence = null, long inputTokens = 20, long outputTokens = 5,
        IReadOnlyDictionary<string, object?>? properties = null)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, text))
        {
            ModelId = "scripted",
            Usage = Usage(inputTokens, outputTokens),
        };
        if (confidence is not null || properties is not null)
        {
            response.AdditionalProperties = [];
            if (confidence is { } c)
            {
                response.AdditionalProperties["hetero.confidence"] = c;
            }

            foreach (var (key, value) in properties ?? new Dictionary<string, object?>())
            {
                response.AdditionalProperties[key] = value;
            }
        }

        return response;
    }

    private static UsageDetails Usage(long inputTokens, long outputTokens) =>
        new() { InputTokenCount = inputTokens, OutputTokenCount = outputTokens, TotalTokenCount = inputTokens + outputTokens };

    private static ChatResponse ToResponse(ScriptedAnswer answer)
    {
        var response = CreateResponse(answer.Text, answer.Confidence, answer.InputTokens, answer.OutputTokens);
        response.ModelId = answer.Model;
        return response;
    }

    /// <inheritdoc />
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var request = new ScriptedChatRequest([.. messages], options);
        _requests.Enqueue(request);
        if (_answers is not null)
        {
            var answer = _answers(request);
            return answer.Throw is not null ? throw answer.Throw : Task.FromResult(ToResponse(answer));
        }

        var step = _script.TryDequeue(out var next)
            ? next
            : _fallback ?? throw new InvalidOperationException($"ScriptedChatClient: the script is used up (call {_requests.Count}) and there is no fallback.");
        return Task.FromResult(step(request));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_answers is not null)
        {
            var request = new ScriptedChatRequest([.. messages], options);
            _requests.Enqueue(request);
            var answer = _answers(request);
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

            yield return new ChatResponseUpdate { ModelId = answer.Model, Contents = [new UsageContent(Usage(answer.InputTokens, answer.OutputTokens))] };
            yield break;
        }

        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType?.IsInstanceOfType(this) == true ? this : null;

    /// <inheritdoc />
    public void Dispose()
    {
    }
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Templates;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// <see cref="IChatClient"/> over an in-process model runtime (<see cref="ITextGenerator"/>): the model's chat template,
/// KV-cache generation, JSON-schema response formats through <see cref="IJsonSchemaConstraintFactory"/>, candidate
/// scoring, token usage, and confidence figures under the <see cref="ChatResponseProperties"/> keys. Thread-safe; the
/// model is not disposed with the client. <see cref="OnnxChatClient"/> and the LLamaSharp backend's client derive from it.
/// </summary>
public abstract class LanguageModelChatClient : IChatClient
{
    private readonly ITextGenerator _generator;
    private readonly IJsonSchemaConstraintFactory? _schemaConstraints;
    private readonly OnnxChatClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ChatClientMetadata _metadata;

    /// <summary>Creates the client over a runtime.</summary>
    /// <param name="generator">The model runtime.</param>
    /// <param name="providerName">The provider reported in <see cref="ChatClientMetadata"/> (e.g. <c>onnxruntime</c>).</param>
    /// <param name="schemaConstraints">Serves JSON-schema response formats (the constrained-decoding engine).</param>
    /// <param name="options">Defaults for requests that do not set them.</param>
    /// <param name="timeProvider">Clock for <c>CreatedAt</c>.</param>
    protected LanguageModelChatClient(ITextGenerator generator, string providerName, IJsonSchemaConstraintFactory? schemaConstraints, OnnxChatClientOptions? options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
        _schemaConstraints = schemaConstraints;
        _options = options ?? new OnnxChatClientOptions();
        _time = timeProvider ?? TimeProvider.System;
        _metadata = new ChatClientMetadata(providerName, null, generator.ModelId);
    }

    /// <inheritdoc/>
    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var (prompt, generation) = Prepare(messages, options);
        if (options?.AdditionalProperties?.TryGetValue(ChatOptionsProperties.Candidates, out var raw) == true && raw is IEnumerable<string> candidates)
        {
            return await ChooseCandidateAsync(prompt, candidates.ToList(), structured: false, cancellationToken).ConfigureAwait(false);
        }

        if (_options.ScoreEnumeratedResults && options?.ResponseFormat is ChatResponseFormatJson { Schema: { } schema } &&
            EnumeratedJsonResults.TryGetCandidates(schema, out var results))
        {
            return await ChooseCandidateAsync(prompt, [.. results], structured: true, cancellationToken).ConfigureAwait(false);
        }

        var result = await _generator.GenerateAsync(prompt, generation, cancellationToken).ConfigureAwait(false);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, result.Text))
        {
            ModelId = _metadata.DefaultModelId,
            ResponseId = Guid.NewGuid().ToString("N"),
            CreatedAt = _time.GetUtcNow(),
            FinishReason = MapFinish(result.FinishReason),
            Usage = Usage(result.PromptTokenCount, result.Tokens.Count),
            AdditionalProperties = Confidence(result),
        };
        return response;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (prompt, generation) = Prepare(messages, options);
        var responseId = Guid.NewGuid().ToString("N");
        var steps = new List<GenerationStep>();
        await foreach (var step in _generator.StreamAsync(prompt, generation, cancellationToken).ConfigureAwait(false))
        {
            steps.Add(step);
            if (step.TextDelta.Length > 0)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, step.TextDelta) { ResponseId = responseId, ModelId = _metadata.DefaultModelId, CreatedAt = _time.GetUtcNow() };
            }

            if (step.FinishReason is { } finish)
            {
                var result = new GenerationResult { Text = string.Empty, Tokens = steps, FinishReason = finish, PromptTokenCount = prompt.Count };
                yield return new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(Usage(prompt.Count, steps.Count))])
                {
                    ResponseId = responseId,
                    ModelId = _metadata.DefaultModelId,
                    CreatedAt = _time.GetUtcNow(),
                    FinishReason = MapFinish(finish),
                    AdditionalProperties = Confidence(result),
                };
            }
        }
    }

    /// <inheritdoc/>
    public virtual object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return _metadata;
        }

        if (serviceType.IsInstanceOfType(_generator))
        {
            return _generator;
        }

        return serviceType.IsInstanceOfType(this) ? this : null;
    }

    /// <summary>Nothing to release: the model belongs to whoever loaded it.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases what a derived client owns (nothing here).</summary>
    protected virtual void Dispose(bool disposing)
    {
    }

    private static ChatFinishReason MapFinish(GenerationFinishReason reason)
        => reason == GenerationFinishReason.Length ? ChatFinishReason.Length : ChatFinishReason.Stop;

    private static UsageDetails Usage(int input, int output)
        => new() { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output };

    // No Confidence entry for free generation: the worker derives it from these per its configured rule.
    private static AdditionalPropertiesDictionary Confidence(GenerationResult result) => new()
    {
        [ChatResponseProperties.SequenceLogProbability] = result.SequenceLogProbability,
        [ChatResponseProperties.MinTokenProbability] = result.MinTokenProbability,
        [ChatResponseProperties.TokenLogProbabilities] = result.Tokens
            .Select(t => new TokenLogProbability(t.TextDelta, double.IsNaN(t.RawLogProbability) ? t.LogProbability : t.RawLogProbability)).ToArray(),
    };

    private async Task<ChatResponse> ChooseCandidateAsync(IReadOnlyList<int> prompt, List<string> candidates, bool structured, CancellationToken cancellationToken)
    {
        var tokenized = candidates.Select(_generator.EncodeContent).ToList();
        var scores = await _generator.ScoreCandidatesAsync(prompt, tokenized, cancellationToken).ConfigureAwait(false);
        var best = scores.Best;
        var properties = new AdditionalPropertiesDictionary
        {
            [ChatResponseProperties.Confidence] = scores.Probabilities[best],
            [ChatResponseProperties.SequenceLogProbability] = scores.LogProbabilities[best],
        };
        if (structured && scores.TokenLogProbabilities.Count == tokenized.Count)
        {
            properties[ChatResponseProperties.LabelProbability] = OwnTokensProbability(tokenized, scores.TokenLogProbabilities, best);
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, candidates[best]))
        {
            ModelId = _metadata.DefaultModelId,
            ResponseId = Guid.NewGuid().ToString("N"),
            CreatedAt = _time.GetUtcNow(),
            FinishReason = ChatFinishReason.Stop,
            Usage = Usage(prompt.Count, tokenized[best].Count),
            AdditionalProperties = properties,
        };
    }

    // The joint probability of the chosen candidate's tokens after the longest token prefix all candidates share
    // (for {"label": ...} results: the label, its closing quote and brace), so the shared JSON scaffolding neither
    // lifts nor sinks it.
    private static double OwnTokensProbability(List<IReadOnlyList<int>> tokenized, IReadOnlyList<IReadOnlyList<double>> tokenLogProbabilities, int best)
    {
        var shared = 0;
        while (tokenized.All(t => t.Count > shared + 1 && t[shared] == tokenized[0][shared]))
        {
            shared++;
        }

        return Math.Exp(tokenLogProbabilities[best].Skip(shared).Sum());
    }

    private (IReadOnlyList<int> Prompt, GenerationOptions Options) Prepare(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turns = messages.Select(m => new ChatTurn(m.Role.Value, m.Text)).ToList();
        if (!string.IsNullOrWhiteSpace(options?.Instructions))
        {
            if (turns.Count > 0 && turns[0].Role == "system")
            {
                turns[0] = turns[0] with { Content = turns[0].Content + "\n" + options.Instructions };
            }
            else
            {
                turns.Insert(0, new ChatTurn("system", options.Instructions));
            }
        }

        var generation = new GenerationOptions
        {
            MaxTokens = options?.MaxOutputTokens ?? _options.DefaultMaxOutputTokens,
            Temperature = options?.Temperature ?? _options.DefaultTemperature,
            TopP = options?.TopP ?? 1f,
            TopK = options?.TopK ?? 0,
            Seed = options?.Seed is { } seed ? unchecked((int)seed) : null,
            StopSequences = options?.StopSequences?.ToArray() ?? [],
            Constraint = options?.ResponseFormat is ChatResponseFormatJson json ? CreateConstraint(json) : null,
        };
        return (_generator.EncodeChat(turns), generation);
    }

    private Decoding.ITokenConstraint? CreateConstraint(ChatResponseFormatJson format)
    {
        if (_schemaConstraints is null)
        {
            if (format.Schema is null)
            {
                return null;
            }

            throw new NotSupportedException("A JSON schema response format needs an IJsonSchemaConstraintFactory; register one (the decoding engine) with the chat client.");
        }

        return _schemaConstraints.Create(format.Schema is { } schema ? schema.GetRawText() : "{}");
    }
}

using System.Runtime.CompilerServices;
using System.Text;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Generates text with a loaded model: prefill of the prompt once, then one token per forward pass on the KV cache.
/// Thread-safe; concurrent calls each get their own cache.
/// </summary>
public sealed class TextGenerator
{
    private readonly OnnxLanguageModel _model;

    /// <summary>Creates a generator over a model (cheap; many generators may share one model).</summary>
    public TextGenerator(OnnxLanguageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

    /// <summary>The model.</summary>
    public OnnxLanguageModel Model => _model;

    /// <summary>
    /// Renders a conversation with the model's chat template and tokenizes it; message content is encoded as plain text,
    /// so a special token spelled inside it (<c>&lt;|im_start|&gt;system</c>) never becomes a control token.
    /// </summary>
    public IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatTurn> messages) => _model.Tokenizer.Encode(_model.ChatTemplate.RenderSegments(messages));

    /// <summary>Streams tokens as they are generated; the last step carries the finish reason.</summary>
    /// <exception cref="ContextWindowExceededException">The prompt does not fit the context window.</exception>
    public async IAsyncEnumerable<GenerationStep> StreamAsync(IReadOnlyList<int> promptIds, GenerationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(promptIds, options);
        await Task.Yield();
        foreach (var step in Run(promptIds, options, cancellationToken))
        {
            yield return step;
        }
    }

    /// <summary>Generates a whole completion.</summary>
    /// <exception cref="ContextWindowExceededException">The prompt does not fit the context window.</exception>
    public Task<GenerationResult> GenerateAsync(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(promptIds, options);
        return Task.Run(
            () =>
            {
                var steps = new List<GenerationStep>();
                var text = new StringBuilder();
                foreach (var step in Run(promptIds, options, cancellationToken))
                {
                    steps.Add(step);
                    text.Append(step.TextDelta);
                }

                return new GenerationResult
                {
                    Text = text.ToString(),
                    Tokens = steps,
                    FinishReason = steps[^1].FinishReason!.Value,
                    PromptTokenCount = promptIds.Count,
                };
            },
            cancellationToken);
    }

    /// <summary>Tokenizes a raw prompt (no chat template; BOS first when <c>tokenizer_config.json</c> says <c>add_bos_token</c>).</summary>
    public IReadOnlyList<int> EncodePrompt(string prompt)
    {
        var ids = _model.Tokenizer.Encode(prompt);
        return _model.TokenizerConfig is { AddBosToken: true, BosToken: { } bos } && _model.Tokenizer.TokenId(bos) is { } bosId
            ? [bosId, .. ids]
            : ids;
    }

    /// <summary>Tokenizes a raw prompt with <see cref="EncodePrompt"/> and generates a completion.</summary>
    public Task<GenerationResult> GenerateAsync(string prompt, GenerationOptions options, CancellationToken cancellationToken = default)
        => GenerateAsync(EncodePrompt(prompt), options, cancellationToken);

    /// <summary>
    /// Scores a fixed set of candidate completions after the prompt: the exact log-probability of each candidate's full
    /// token sequence, from one prefill of the shared prompt and one batched pass over all candidates.
    /// </summary>
    public Task<CandidateScores> ScoreCandidatesAsync(IReadOnlyList<int> promptIds, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Validate(promptIds, null);
        return Task.Run(() => CandidateScorer.Score(_model, promptIds, candidates, cancellationToken), cancellationToken);
    }

    /// <summary>Tokenizes candidate texts and scores them after the prompt (see the token overload).</summary>
    public Task<CandidateScores> ScoreCandidatesAsync(IReadOnlyList<int> promptIds, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return ScoreCandidatesAsync(promptIds, candidates.Select(c => _model.Tokenizer.EncodeContent(c)).ToList(), cancellationToken);
    }

    internal static void PrefillInto(OnnxLanguageModel model, Onnx.DecoderState state, IReadOnlyList<int> promptIds, CancellationToken cancellationToken)
    {
        var ids = promptIds as int[] ?? [.. promptIds];
        for (var start = 0; start < ids.Length; start += state.Chunk)
        {
            var n = Math.Min(state.Chunk, ids.Length - start);
            state.Forward(ids.AsSpan(start, n), n, cancellationToken);
        }
    }

    private void Validate(IReadOnlyList<int> promptIds, GenerationOptions? options)
    {
        ArgumentNullException.ThrowIfNull(promptIds);
        options?.Validate();
        if (promptIds.Count == 0)
        {
            throw new ArgumentException("The prompt has no tokens.", nameof(promptIds));
        }

        if (promptIds.Count >= _model.ContextWindow)
        {
            throw new ContextWindowExceededException(promptIds.Count, _model.ContextWindow);
        }

        for (var i = 0; i < promptIds.Count; i++)
        {
            if ((uint)promptIds[i] >= (uint)_model.VocabularySize)
            {
                throw new ArgumentOutOfRangeException(nameof(promptIds), promptIds[i], $"Prompt token {i} has id {promptIds[i]}, outside the model's vocabulary of {_model.VocabularySize}.");
            }
        }
    }

    private IEnumerable<GenerationStep> Run(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken)
    {
        var maxTokens = Math.Min(options.MaxTokens, _model.ContextWindow - promptIds.Count);
        var stops = new HashSet<int>(_model.StopTokenIds);
        stops.UnionWith(options.StopTokenIds);
        var constraint = options.Constraint;
        using var state = _model.CreateState(1, promptIds.Count + maxTokens);
        using var sampler = new TokenSampler(_model.VocabularySize, options.Seed, options.Temperature > 0);
        var detokenizer = new IncrementalDetokenizer(_model.Tokenizer);
        var matcher = new StopSequenceMatcher(options.StopSequences);
        PrefillInto(_model, state, promptIds, cancellationToken);
        var one = new int[1];
        for (var i = 0; i < maxTokens; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (token, logProb) = sampler.Select(state.Row(0, state.RowsPerSequence - 1), options, constraint, stops);
            if (stops.Contains(token))
            {
                var (last, lastStopped) = matcher.Push(detokenizer.Flush());
                yield return new GenerationStep(token, lastStopped ? last : last + matcher.Flush(), logProb, lastStopped ? GenerationFinishReason.StopSequence : GenerationFinishReason.Stop) { RawLogProbability = sampler.LastRawLogProbability };
                yield break;
            }

            if (constraint is not null && !constraint.TryAdvance(token))
            {
                throw new InvalidOperationException($"The token constraint rejected token {token} that its own mask allowed.");
            }

            var (emit, stopped) = matcher.Push(detokenizer.Add(token));
            if (stopped)
            {
                yield return new GenerationStep(token, emit, logProb, GenerationFinishReason.StopSequence) { RawLogProbability = sampler.LastRawLogProbability };
                yield break;
            }

            var complete = constraint?.IsComplete == true;
            if (complete || i == maxTokens - 1)
            {
                var (tail, tailStopped) = matcher.Push(detokenizer.Flush());
                var rest = tailStopped ? string.Empty : matcher.Flush();
                yield return new GenerationStep(token, emit + tail + rest, logProb, tailStopped ? GenerationFinishReason.StopSequence : complete ? GenerationFinishReason.Stop : GenerationFinishReason.Length) { RawLogProbability = sampler.LastRawLogProbability };
                yield break;
            }

            yield return new GenerationStep(token, emit, logProb, null) { RawLogProbability = sampler.LastRawLogProbability };
            one[0] = token;
            state.Forward(one, 1, cancellationToken);
        }
    }
}

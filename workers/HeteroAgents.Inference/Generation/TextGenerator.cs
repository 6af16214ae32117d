using System.Runtime.CompilerServices;
using System.Text;
using HeteroAgents.Inference.Onnx;
using HeteroAgents.Inference.Templates;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Generates text with a loaded model: prefill of the prompt once, then one token per forward pass on the KV cache.
/// Thread-safe; concurrent calls each get their own cache.
/// </summary>
public sealed class TextGenerator : ITextGenerator
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

    /// <inheritdoc/>
    public string ModelId => _model.ModelId;

    /// <inheritdoc/>
    public IReadOnlyList<int> EncodeContent(string text) => _model.Tokenizer.EncodeContent(text);

    /// <summary>
    /// Renders a conversation with the model's chat template and tokenizes it; message content is encoded as plain text,
    /// so a special token spelled inside it (<c>&lt;|im_start|&gt;system</c>) never becomes a control token.
    /// </summary>
    public IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatTurn> messages) => _model.Tokenizer.Encode(_model.ChatTemplate.RenderSegments(messages));

    /// <summary>
    /// Streams tokens as they are generated; the last step carries the finish reason. Concurrent requests are decoded
    /// together by the model's continuous-batching scheduler.
    /// </summary>
    /// <exception cref="ContextWindowExceededException">The prompt does not fit the context window.</exception>
    public async IAsyncEnumerable<GenerationStep> StreamAsync(IReadOnlyList<int> promptIds, GenerationOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(promptIds, options);
        var steps = _model.Scheduler.Generate([.. promptIds], options, cancellationToken, out var job);
        try
        {
            await foreach (var step in steps.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return step;
            }
        }
        finally
        {
            // A reader that stops early (or is cancelled) takes its sequence out of the batch.
            job.Abandon();
        }
    }

    /// <summary>Generates a whole completion.</summary>
    /// <exception cref="ContextWindowExceededException">The prompt does not fit the context window.</exception>
    public async Task<GenerationResult> GenerateAsync(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(promptIds, options);
        var steps = new List<GenerationStep>();
        var text = new StringBuilder();
        await foreach (var step in StreamAsync(promptIds, options, cancellationToken).ConfigureAwait(false))
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
        CandidateScorer.Validate(_model, promptIds.Count, candidates);
        return _model.Scheduler.Score([.. promptIds], candidates, cancellationToken);
    }

    /// <summary>Tokenizes candidate texts and scores them after the prompt (see the token overload).</summary>
    public Task<CandidateScores> ScoreCandidatesAsync(IReadOnlyList<int> promptIds, IReadOnlyList<string> candidates, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return ScoreCandidatesAsync(promptIds, candidates.Select(c => _model.Tokenizer.EncodeContent(c)).ToList(), cancellationToken);
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
}

using HeteroAgents.Decoding;
using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// The per-sequence side of generation, whatever runs the network: picks each token from its logits row (constraint
/// mask, sampling, stop tokens), advances the constraint, detokenizes, holds back possible stop sequences and decides
/// when the sequence ends. One <see cref="GenerationStep"/> per token. Not thread-safe.
/// </summary>
internal sealed class SequenceDecoder : IDisposable
{
    private readonly GenerationOptions _options;
    private readonly HashSet<int> _stops;
    private readonly ITokenConstraint? _constraint;
    private readonly TokenSampler _sampler;
    private readonly IncrementalDetokenizer _detokenizer;
    private readonly StopSequenceMatcher _matcher;
    private int _produced;

    public SequenceDecoder(OnnxLanguageModel model, int promptTokens, GenerationOptions options)
        : this(model.StopTokenIds, model.VocabularySize, model.ContextWindow - promptTokens, new IncrementalDetokenizer(model.Tokenizer), options)
    {
    }

    /// <param name="modelStops">The model's end-of-sequence and end-of-turn tokens.</param>
    /// <param name="vocabularySize">Logits per row.</param>
    /// <param name="room">Tokens left in the context window after the prompt.</param>
    /// <param name="detokenizer">Turns the chosen tokens into text.</param>
    /// <param name="options">The request's options.</param>
    public SequenceDecoder(IReadOnlySet<int> modelStops, int vocabularySize, int room, IncrementalDetokenizer detokenizer, GenerationOptions options)
    {
        _options = options;
        MaxTokens = Math.Min(options.MaxTokens, room);
        _stops = new HashSet<int>(modelStops);
        _stops.UnionWith(options.StopTokenIds);
        _constraint = options.Constraint;
        _sampler = new TokenSampler(vocabularySize, options.Seed, options.Temperature > 0);
        _detokenizer = detokenizer;
        _matcher = new StopSequenceMatcher(options.StopSequences);
    }

    /// <summary>Most tokens this sequence may generate (the request's limit within the context window).</summary>
    public int MaxTokens { get; }

    /// <summary>The last token chosen (the next forward pass's input).</summary>
    public int LastToken { get; private set; }

    /// <summary>Chooses the next token from <paramref name="logits"/>; returns the step, whose finish reason is set on the last one.</summary>
    public GenerationStep Next(ReadOnlySpan<float> logits)
    {
        var (token, logProb) = _sampler.Select(logits, _options, _constraint, _stops);
        LastToken = token;
        var last = ++_produced >= MaxTokens;
        if (_stops.Contains(token))
        {
            var (tail, tailStopped) = _matcher.Push(_detokenizer.Flush());
            return new GenerationStep(token, tailStopped ? tail : tail + _matcher.Flush(), logProb, tailStopped ? GenerationFinishReason.StopSequence : GenerationFinishReason.Stop) { RawLogProbability = _sampler.LastRawLogProbability };
        }

        if (_constraint is not null && !_constraint.TryAdvance(token))
        {
            throw new InvalidOperationException($"The token constraint rejected token {token} that its own mask allowed.");
        }

        var (emit, stopped) = _matcher.Push(_detokenizer.Add(token));
        if (stopped)
        {
            return new GenerationStep(token, emit, logProb, GenerationFinishReason.StopSequence) { RawLogProbability = _sampler.LastRawLogProbability };
        }

        var complete = _constraint?.IsComplete == true;
        if (complete || last)
        {
            var (tail, tailStopped) = _matcher.Push(_detokenizer.Flush());
            var rest = tailStopped ? string.Empty : _matcher.Flush();
            return new GenerationStep(token, emit + tail + rest, logProb, tailStopped ? GenerationFinishReason.StopSequence : complete ? GenerationFinishReason.Stop : GenerationFinishReason.Length) { RawLogProbability = _sampler.LastRawLogProbability };
        }

        return new GenerationStep(token, emit, logProb, null) { RawLogProbability = _sampler.LastRawLogProbability };
    }

    public void Dispose() => _sampler.Dispose();
}

using HeteroAgents.Inference.Templates;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// What a chat client needs from an in-process model runtime (ONNX Runtime's <see cref="TextGenerator"/>, the LLamaSharp
/// backend): the model's own chat template and tokenizer (message content never becomes control tokens), streamed
/// generation with log-probabilities under a token constraint, and exact candidate scoring. Thread-safe.
/// </summary>
public interface ITextGenerator
{
    /// <summary>A short name of the model.</summary>
    string ModelId { get; }

    /// <summary>Renders a conversation with the model's chat template and tokenizes it (content as plain text).</summary>
    IReadOnlyList<int> EncodeChat(IReadOnlyList<ChatTurn> messages);

    /// <summary>Tokenizes text as message content: a special token spelled inside it stays plain text.</summary>
    IReadOnlyList<int> EncodeContent(string text);

    /// <summary>Streams tokens as they are generated; the last step carries the finish reason.</summary>
    IAsyncEnumerable<GenerationStep> StreamAsync(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default);

    /// <summary>Generates a whole completion.</summary>
    Task<GenerationResult> GenerateAsync(IReadOnlyList<int> promptIds, GenerationOptions options, CancellationToken cancellationToken = default);

    /// <summary>Scores fixed candidate completions after the prompt (exact log-probability of each full token sequence).</summary>
    Task<CandidateScores> ScoreCandidatesAsync(IReadOnlyList<int> promptIds, IReadOnlyList<IReadOnlyList<int>> candidates, CancellationToken cancellationToken = default);
}

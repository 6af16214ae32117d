using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// A model's tokenizer: text to ids without adding BOS/EOS (chat templates place them), ids to text, and the
/// special tokens. Thread-safe.
/// </summary>
public sealed class TextTokenizer
{
    private readonly Tokenizer _inner;
    private readonly Dictionary<string, int> _special;
    private readonly HashSet<int> _specialIds;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;

    internal TextTokenizer(Tokenizer inner, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyDictionary<string, int> specialTokens, string source)
    {
        _inner = inner;
        _vocabulary = vocabulary;
        _special = new Dictionary<string, int>(specialTokens, StringComparer.Ordinal);
        _specialIds = [.. specialTokens.Values];
        Source = source;
        var max = -1;
        foreach (var id in vocabulary.Values)
        {
            max = Math.Max(max, id);
        }

        foreach (var id in specialTokens.Values)
        {
            max = Math.Max(max, id);
        }

        VocabularySize = max + 1;
    }

    /// <summary>The file the tokenizer was read from.</summary>
    public string Source { get; }

    /// <summary>One more than the largest token id the tokenizer can produce.</summary>
    public int VocabularySize { get; }

    /// <summary>The regular vocabulary (token text in the tokenizer's own encoding, e.g. GPT-2 byte-to-unicode for byte-level BPE) by id.</summary>
    internal IReadOnlyDictionary<string, int> Vocabulary => _vocabulary;

    /// <summary>The Microsoft.ML.Tokenizers tokenizer underneath (tells byte-level BPE from SentencePiece).</summary>
    internal Tokenizer Inner => _inner;

    /// <summary>Special (added) tokens by text.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens => _special;

    /// <summary>Encodes text; special-token strings in the text become their ids. Adds no BOS/EOS.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : _inner.EncodeToIds(text);
    }

    /// <summary>Decodes ids to text, leaving out special tokens unless <paramref name="includeSpecial"/>.</summary>
    public string Decode(IEnumerable<int> ids, bool includeSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var kept = includeSpecial ? ids : ids.Where(id => !_specialIds.Contains(id));
        return _inner.Decode(kept) ?? string.Empty;
    }

    /// <summary>Whether an id is a special token.</summary>
    public bool IsSpecial(int id) => _specialIds.Contains(id);

    /// <summary>The id of a token given by its exact text (special or vocabulary form), or null.</summary>
    public int? TokenId(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_special.TryGetValue(token, out var id) || _vocabulary.TryGetValue(token, out id))
        {
            return id;
        }

        return null;
    }
}

using HeteroAgents.Inference.Templates;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// A model's tokenizer: text to ids without adding BOS/EOS (chat templates place them), ids to text, and the
/// added (special) tokens. Thread-safe.
/// </summary>
public sealed class TextTokenizer
{
    private readonly ITokenCodec _codec;
    private readonly Dictionary<string, int> _special;
    private readonly HashSet<int> _specialIds;
    private readonly IReadOnlyDictionary<string, int> _vocabulary;

    internal TextTokenizer(ITokenCodec codec, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyDictionary<string, int> specialTokens, string source)
    {
        _codec = codec;
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

    /// <summary>The engine underneath (tells byte-level BPE from SentencePiece).</summary>
    internal ITokenCodec Codec => _codec;

    /// <summary>Added (special and control) tokens by text.</summary>
    public IReadOnlyDictionary<string, int> SpecialTokens => _special;

    /// <summary>Encodes text; added-token strings in the text become their ids. Adds no BOS/EOS.</summary>
    public IReadOnlyList<int> Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length == 0 ? [] : _codec.Encode(text, addedTokens: true);
    }

    /// <summary>
    /// Encodes message content as plain text: a special token spelled inside it (<c>&lt;|im_start|&gt;</c>) becomes
    /// ordinary tokens, never the control token, so text cannot open turns or change roles (prompt injection). Text
    /// without such spellings encodes exactly as <see cref="Encode(string)"/>.
    /// </summary>
    public IReadOnlyList<int> EncodeContent(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var ids = _codec.Encode(text, addedTokens: false);
        if (!ids.Any(_specialIds.Contains))
        {
            return ids;
        }

        // Merges reached a control token (or one is a single character): spell the text one character at a time and
        // leave out whatever is still special, so content never becomes a control token.
        var safe = new List<int>(ids.Count);
        foreach (var rune in text.EnumerateRunes())
        {
            safe.AddRange(_codec.Encode(rune.ToString(), addedTokens: false).Where(id => !_specialIds.Contains(id)));
        }

        return safe;
    }

    /// <summary>
    /// Encodes a rendered prompt: the template's text with its special tokens, each message's content with
    /// <see cref="EncodeContent"/>. When no content spells a special token, the result equals encoding the joined string.
    /// </summary>
    public IReadOnlyList<int> Encode(IReadOnlyList<PromptSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (!segments.Any(s => s.IsContent && SpellsSpecial(s.Text)))
        {
            return Encode(string.Concat(segments.Select(s => s.Text)));
        }

        var ids = new List<int>();
        foreach (var segment in segments)
        {
            ids.AddRange(segment.IsContent ? EncodeContent(segment.Text) : Encode(segment.Text));
        }

        return ids;
    }

    /// <summary>Decodes ids to text, leaving out special tokens unless <paramref name="includeSpecial"/>.</summary>
    public string Decode(IEnumerable<int> ids, bool includeSpecial = false)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return _codec.Decode(includeSpecial ? ids : ids.Where(id => !_specialIds.Contains(id)));
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

    private bool SpellsSpecial(string text)
    {
        foreach (var special in _special.Keys)
        {
            if (special.Length > 0 && text.Contains(special, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}

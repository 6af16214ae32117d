using System.Buffers;
using System.Text;
using HeteroAgents.Inference.Templates;
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
    private readonly string[] _specialTexts;
    private readonly SearchValues<char> _specialStarts;

    internal TextTokenizer(Tokenizer inner, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyDictionary<string, int> specialTokens, string source)
    {
        _inner = inner;
        _vocabulary = vocabulary;
        _special = new Dictionary<string, int>(specialTokens, StringComparer.Ordinal);
        _specialIds = [.. specialTokens.Values];
        Source = source;
        _specialTexts = [.. specialTokens.Keys.Where(k => k.Length > 0)];
        _specialStarts = SearchValues.Create([.. _specialTexts.Select(k => k[0]).Distinct()]);
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

        if (FirstSpecial(text, 0) < 0)
        {
            return _inner.EncodeToIds(text);
        }

        var ids = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            var at = FirstSpecial(text, start);
            if (at < 0)
            {
                AddPlain(ids, text[start..]);
                break;
            }

            // Cut inside the spelled token, after its first character, so that no piece holds it whole.
            var cut = at + (char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1);
            AddPlain(ids, text[start..cut]);
            start = cut;
        }

        return ids;
    }

    /// <summary>
    /// Encodes a rendered prompt: the template's text with its special tokens, each message's content with
    /// <see cref="EncodeContent"/>. When no content spells a special token, the result equals encoding the joined string.
    /// </summary>
    public IReadOnlyList<int> Encode(IReadOnlyList<PromptSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        if (!segments.Any(s => s.IsContent && FirstSpecial(s.Text, 0) >= 0))
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
        var kept = includeSpecial ? ids : ids.Where(id => !_specialIds.Contains(id));
        return _inner.Decode(kept) ?? string.Empty;
    }

    /// <summary>Whether an id is a special token.</summary>
    public bool IsSpecial(int id) => _specialIds.Contains(id);

    private int FirstSpecial(string text, int start)
    {
        if (_specialTexts.Length == 0 || text.AsSpan(start).IndexOfAny(_specialStarts) < 0)
        {
            return -1;
        }

        var first = -1;
        foreach (var special in _specialTexts)
        {
            var at = text.IndexOf(special, start, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at < first))
            {
                first = at;
            }
        }

        return first;
    }

    // A piece that still yields a control token (a one-character special token, or merges reaching one) is spelled one
    // character at a time, and whatever is still special is left out: content never becomes a control token.
    private void AddPlain(List<int> ids, string piece)
    {
        var encoded = _inner.EncodeToIds(piece);
        if (!encoded.Any(_specialIds.Contains))
        {
            ids.AddRange(encoded);
            return;
        }

        foreach (var rune in piece.EnumerateRunes())
        {
            ids.AddRange(_inner.EncodeToIds(rune.ToString()).Where(id => !_specialIds.Contains(id)));
        }
    }

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

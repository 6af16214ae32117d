using System.Text;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// The byte-level BPE pipeline of Hugging Face's tokenizers: added tokens are cut out of the raw text, the rest is
/// normalized (NFC when the file says so), split by the pre-tokenizer chain, spelled in the byte-level alphabet and
/// merged by the BPE model; decoding maps tokens back to bytes and reads them as UTF-8 (invalid bytes become U+FFFD),
/// added tokens as their text.
/// </summary>
internal sealed class ByteLevelCodec : ITokenCodec
{
    private readonly AddedTokenSplitter _raw;
    private readonly AddedTokenSplitter _normalized;
    private readonly bool _nfc;
    private readonly IReadOnlyList<PreTokenizerStep> _steps;
    private readonly BytePairModel _model;
    private readonly Dictionary<int, string> _addedById;
    private readonly string?[] _tokens;

    public ByteLevelCodec(BytePairModel model, IReadOnlyDictionary<string, int> vocabulary, IReadOnlyList<AddedToken> addedTokens, bool nfc, IReadOnlyList<PreTokenizerStep> steps)
    {
        _model = model;
        _nfc = nfc;
        _steps = steps;
        _raw = new AddedTokenSplitter(addedTokens.Where(t => !(t.Normalized && nfc)));
        _normalized = new AddedTokenSplitter(addedTokens.Where(t => t.Normalized && nfc).Select(t => t with { Content = UnicodeNfc.Normalize(t.Content) }));
        _addedById = addedTokens.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.Last().Content);
        var max = vocabulary.Count == 0 ? -1 : vocabulary.Values.Max();
        _tokens = new string?[max + 1];
        foreach (var (text, id) in vocabulary)
        {
            _tokens[id] = text;
        }

        AddedTokens = addedTokens;
        Steps = steps;
    }

    /// <summary>The added tokens, as read from the files.</summary>
    public IReadOnlyList<AddedToken> AddedTokens { get; }

    /// <summary>The pre-tokenizer chain (for tests and messages).</summary>
    public IReadOnlyList<PreTokenizerStep> Steps { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Encode(string text, bool addedTokens)
    {
        var ids = new List<int>();
        if (!addedTokens)
        {
            EncodePlain(_nfc ? UnicodeNfc.Normalize(text) : text, ids);
            return ids;
        }

        foreach (var (section, token) in _raw.Split(text))
        {
            if (token is not null)
            {
                ids.Add(token.Id);
                continue;
            }

            var normalized = _nfc ? UnicodeNfc.Normalize(section) : section;
            foreach (var (sub, subToken) in _normalized.IsEmpty ? [(normalized, null)] : _normalized.Split(normalized))
            {
                if (subToken is not null)
                {
                    ids.Add(subToken.Id);
                }
                else
                {
                    EncodePlain(sub, ids);
                }
            }
        }

        return ids;
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids)
    {
        var sb = new StringBuilder();
        var bytes = new List<byte>();
        foreach (var id in ids)
        {
            if (_addedById.TryGetValue(id, out var added))
            {
                Flush(bytes, sb);
                sb.Append(added);
            }
            else if ((uint)id < (uint)_tokens.Length && _tokens[id] is { } token)
            {
                foreach (var c in token)
                {
                    if (ByteLevelAlphabet.TryGetByte(c, out var b))
                    {
                        bytes.Add(b);
                    }
                }
            }
        }

        Flush(bytes, sb);
        return sb.ToString();
    }

    private static void Flush(List<byte> bytes, StringBuilder sb)
    {
        if (bytes.Count > 0)
        {
            sb.Append(Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(bytes)));
            bytes.Clear();
        }
    }

    private void EncodePlain(string text, List<int> ids)
    {
        if (text.Length == 0)
        {
            return;
        }

        var pieces = new List<string> { text };
        foreach (var step in _steps)
        {
            pieces = step.Apply(pieces);
        }

        foreach (var piece in pieces)
        {
            _model.Encode(ByteLevelAlphabet.Encode(piece), ids);
        }
    }
}

using System.Buffers;
using Microsoft.ML.Tokenizers;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// SentencePiece BPE (<c>tokenizer.model</c>) through Microsoft.ML.Tokenizers' <see cref="LlamaTokenizer"/>. Plain-text
/// encoding cuts the text inside each spelled special token so that no piece holds one whole.
/// </summary>
internal sealed class SentencePieceCodec : ITokenCodec
{
    private readonly string[] _specialTexts;
    private readonly SearchValues<char> _specialStarts;

    public SentencePieceCodec(LlamaTokenizer tokenizer, IEnumerable<string> specialTexts)
    {
        Tokenizer = tokenizer;
        _specialTexts = [.. specialTexts.Where(t => t.Length > 0)];
        _specialStarts = SearchValues.Create([.. _specialTexts.Select(k => k[0]).Distinct()]);
    }

    /// <summary>The tokenizer underneath (its unknown/BOS/EOS ids are excluded from constrained decoding).</summary>
    public LlamaTokenizer Tokenizer { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> Encode(string text, bool addedTokens)
    {
        if (addedTokens || FirstSpecial(text, 0) < 0)
        {
            return Tokenizer.EncodeToIds(text);
        }

        var ids = new List<int>();
        var start = 0;
        while (start < text.Length)
        {
            var at = FirstSpecial(text, start);
            if (at < 0)
            {
                ids.AddRange(Tokenizer.EncodeToIds(text[start..]));
                break;
            }

            // Cut inside the spelled token, after its first character, so that no piece holds it whole.
            var cut = at + (char.IsHighSurrogate(text[at]) && at + 1 < text.Length ? 2 : 1);
            ids.AddRange(Tokenizer.EncodeToIds(text[start..cut]));
            start = cut;
        }

        return ids;
    }

    /// <inheritdoc/>
    public string Decode(IEnumerable<int> ids) => Tokenizer.Decode(ids) ?? string.Empty;

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
}

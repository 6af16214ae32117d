using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Generation;

/// <summary>
/// Turns a growing token sequence into text deltas: decodes a short window (previous token + new ones) and emits the
/// difference once it no longer ends in an incomplete UTF-8 character. Cost per token is independent of length.
/// </summary>
internal sealed class IncrementalDetokenizer
{
    private readonly Func<IEnumerable<int>, string> _decode;
    private readonly List<int> _ids = [];
    private int _prefix;
    private int _read;

    public IncrementalDetokenizer(TextTokenizer tokenizer)
        : this(ids => tokenizer.Decode(ids))
    {
    }

    /// <param name="decode">Decodes token ids to text (special tokens omitted; an incomplete UTF-8 character as U+FFFD).</param>
    public IncrementalDetokenizer(Func<IEnumerable<int>, string> decode)
    {
        _decode = decode;
    }

    public string Add(int id)
    {
        _ids.Add(id);
        return Delta(final: false);
    }

    /// <summary>Any text still held back (e.g. an incomplete character at the end).</summary>
    public string Flush() => Delta(final: true);

    private string Delta(bool final)
    {
        var before = _read > _prefix ? _decode(_ids.GetRange(_prefix, _read - _prefix)) : string.Empty;
        var after = _decode(_ids.GetRange(_prefix, _ids.Count - _prefix));
        if (after.Length > before.Length && (final || !after.EndsWith('\uFFFD')) && after.StartsWith(before, StringComparison.Ordinal))
        {
            _prefix = _read;
            _read = _ids.Count;
            return after[before.Length..];
        }

        return string.Empty;
    }
}

using HeteroAgents.Decoding.Vocabulary;

namespace HeteroAgents.Decoding;

/// <summary>
/// A tokenizer's vocabulary as byte strings, with the per-vocabulary structures every grammar shares (token tries,
/// string-content mask cache). Build once per tokenizer; immutable apart from its thread-safe caches.
/// </summary>
public sealed class TokenVocabulary
{
    private readonly byte[]?[] _tokens;
    private readonly int[] _eos;

    /// <summary>Creates a vocabulary.</summary>
    /// <param name="tokenBytes">Per token id its bytes; null or empty for ids that are never allowed (special tokens, gaps).</param>
    /// <param name="endOfSequenceTokenIds">Tokens that end generation; allowed exactly when the output is accepting.</param>
    /// <param name="excludedTokenIds">Further ids never allowed (e.g. special/control tokens whose bytes look like text).</param>
    public TokenVocabulary(IReadOnlyList<byte[]?> tokenBytes, IEnumerable<int> endOfSequenceTokenIds, IEnumerable<int>? excludedTokenIds = null)
    {
        ArgumentNullException.ThrowIfNull(tokenBytes);
        ArgumentNullException.ThrowIfNull(endOfSequenceTokenIds);
        _eos = [.. endOfSequenceTokenIds.Distinct()];
        var size = Math.Max(tokenBytes.Count, _eos.Length == 0 ? 0 : _eos.Max() + 1);
        _tokens = new byte[]?[size];
        var excluded = new HashSet<int>(excludedTokenIds ?? []);
        excluded.UnionWith(_eos);
        for (var i = 0; i < tokenBytes.Count; i++)
        {
            _tokens[i] = excluded.Contains(i) || tokenBytes[i] is not { Length: > 0 } b ? null : b;
        }

        Size = size;
        MaskWords = (size + 31) / 32;
        MaxTokenBytes = _tokens.Max(t => t?.Length ?? 0);
        Trie = new TokenTrie(_tokens, _ => true);
        QuoteTrie = new TokenTrie(_tokens, id => Array.IndexOf(_tokens[id]!, (byte)'"') >= 0);
        ContentMasks = new ContentMaskCache(this);
    }

    /// <summary>Number of token ids (the model's vocabulary size).</summary>
    public int Size { get; }

    /// <summary>Words of a token mask: <c>(Size + 31) / 32</c>.</summary>
    public int MaskWords { get; }

    /// <summary>The end-of-sequence token ids.</summary>
    public IReadOnlyList<int> EndOfSequenceTokenIds => _eos;

    /// <summary>The bytes of <paramref name="tokenId"/>, or empty if the token is never allowed.</summary>
    public ReadOnlySpan<byte> GetBytes(int tokenId) => (uint)tokenId < (uint)_tokens.Length ? _tokens[tokenId] : default;

    internal int MaxTokenBytes { get; }

    internal TokenTrie Trie { get; }

    /// <summary>The tokens containing a double quote: the only ones that can leave a string.</summary>
    internal TokenTrie QuoteTrie { get; }

    internal ContentMaskCache ContentMasks { get; }

    /// <summary>
    /// From a Hugging Face byte-level BPE <c>tokenizer.json</c> vocabulary (token string to id), decoding the GPT-2
    /// byte-to-unicode mapping. Added/special tokens should be passed in <paramref name="excludedTokenIds"/>.
    /// </summary>
    public static TokenVocabulary FromByteLevelBpe(IReadOnlyDictionary<string, int> vocab, IEnumerable<int> endOfSequenceTokenIds, IEnumerable<int>? excludedTokenIds = null)
    {
        ArgumentNullException.ThrowIfNull(vocab);
        var map = ByteLevelDecoding.UnicodeToByte();
        var size = vocab.Count == 0 ? 0 : vocab.Values.Max() + 1;
        var tokens = new byte[]?[size];
        foreach (var (text, id) in vocab)
        {
            var bytes = new byte[text.Length];
            var ok = true;
            for (var i = 0; i < text.Length && ok; i++)
            {
                ok = map.TryGetValue(text[i], out bytes[i]);
            }

            tokens[id] = ok ? bytes : null;
        }

        return new TokenVocabulary(tokens, endOfSequenceTokenIds, excludedTokenIds);
    }

    /// <summary>
    /// From an id-to-bytes map such as Microsoft.ML.Tokenizers' <c>TiktokenTokenizer.Decoder</c>; special tokens
    /// are not in that map and therefore never allowed, except <paramref name="endOfSequenceTokenIds"/>.
    /// </summary>
    public static TokenVocabulary FromTokenBytes(IReadOnlyDictionary<int, ReadOnlyMemory<byte>> decoder, int vocabularySize, IEnumerable<int> endOfSequenceTokenIds)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        var tokens = new byte[]?[vocabularySize];
        foreach (var (id, bytes) in decoder)
        {
            if (id >= 0 && id < vocabularySize)
            {
                tokens[id] = bytes.ToArray();
            }
        }

        return new TokenVocabulary(tokens, endOfSequenceTokenIds);
    }
}

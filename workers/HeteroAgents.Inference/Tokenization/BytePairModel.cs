using System.Collections.Concurrent;

namespace HeteroAgents.Inference.Tokenization;

/// <summary>
/// The BPE model of a <c>tokenizer.json</c>: a piece (already spelled in the byte-level alphabet) is split into
/// characters, then the adjacent pair with the lowest merge rank is merged, leftmost first, until no pair has a rank.
/// With <c>ignore_merges</c> a piece that is itself in the vocabulary is taken whole (Llama 3). Thread-safe.
/// </summary>
internal sealed class BytePairModel
{
    private const int CacheLimit = 100_000;
    private const int CachedPieceLength = 256;

    private readonly Dictionary<string, int> _vocabulary;
    private readonly Dictionary<(string, string), int> _ranks;
    private readonly ConcurrentDictionary<string, int[]> _cache = new(StringComparer.Ordinal);

    public BytePairModel(Dictionary<string, int> vocabulary, IReadOnlyList<(string Left, string Right)> merges, bool ignoreMerges, string source)
    {
        _vocabulary = vocabulary;
        IgnoreMerges = ignoreMerges;
        _ranks = new Dictionary<(string, string), int>(merges.Count);
        for (var i = 0; i < merges.Count; i++)
        {
            _ranks.TryAdd(merges[i], i);
        }

        Source = source;
    }

    /// <summary>Whether whole pieces found in the vocabulary skip the merges.</summary>
    public bool IgnoreMerges { get; }

    /// <summary>The file the model was read from (for messages).</summary>
    public string Source { get; }

    /// <summary>Appends the ids of one pre-tokenized piece.</summary>
    /// <exception cref="InvalidOperationException">A resulting token is not in the vocabulary (the file has no unk token).</exception>
    public void Encode(string piece, List<int> ids)
    {
        if (piece.Length == 0)
        {
            return;
        }

        if (IgnoreMerges && _vocabulary.TryGetValue(piece, out var whole))
        {
            ids.Add(whole);
            return;
        }

        if (_cache.TryGetValue(piece, out var cached))
        {
            ids.AddRange(cached);
            return;
        }

        var result = Merge(piece);
        if (piece.Length < CachedPieceLength && _cache.Count < CacheLimit)
        {
            _cache.TryAdd(piece, result);
        }

        ids.AddRange(result);
    }

    private int[] Merge(string piece)
    {
        var symbols = new List<string>(piece.Length);
        for (var i = 0; i < piece.Length; i++)
        {
            var width = char.IsHighSurrogate(piece[i]) && i + 1 < piece.Length ? 2 : 1;
            symbols.Add(piece.Substring(i, width));
            i += width - 1;
        }

        while (symbols.Count > 1)
        {
            var best = -1;
            var bestRank = int.MaxValue;
            for (var i = 0; i + 1 < symbols.Count; i++)
            {
                if (_ranks.TryGetValue((symbols[i], symbols[i + 1]), out var rank) && rank < bestRank)
                {
                    bestRank = rank;
                    best = i;
                }
            }

            if (best < 0)
            {
                break;
            }

            symbols[best] = string.Concat(symbols[best], symbols[best + 1]);
            symbols.RemoveAt(best + 1);
        }

        var ids = new int[symbols.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = _vocabulary.TryGetValue(symbols[i], out var id)
                ? id
                : throw new InvalidOperationException($"'{Source}': token '{symbols[i]}' is not in the vocabulary and the tokenizer has no unknown token.");
        }

        return ids;
    }
}

using HeteroAgents.Inference.Onnx;

namespace HeteroAgents.Inference.Batching;

/// <summary>
/// KV of prompt prefixes shared across requests (system prompt, instructions, label set, schema), keyed by token
/// prefix: a prompt reuses the KV of the longest common token prefix with any cached prompt, because the KV at a
/// position depends only on the tokens up to it. A prompt that matched no useful prefix is stored whole; entries are
/// dropped least recently used first to stay within the byte budget. Prompts therefore pay off when laid out
/// shared-part-first. Used only on the model's scheduler thread; the statistics may be read from any thread.
/// </summary>
internal sealed class PrefixCache : IDisposable
{
    private readonly List<PrefixCacheEntry> _entries = [];
    private readonly long _budget;
    private readonly int _minTokens;
    private long _clock;
    private long _bytes;
    private long _lookups;
    private long _hits;
    private long _reused;
    private long _promptTokens;

    /// <param name="budgetBytes">Most native bytes held (0 turns the cache off).</param>
    /// <param name="minTokens">Shortest prefix worth reusing.</param>
    public PrefixCache(long budgetBytes, int minTokens = 8)
    {
        _budget = budgetBytes;
        _minTokens = minTokens;
    }

    public PrefixCacheStatistics Statistics
    {
        get
        {
            lock (_entries)
            {
                return new(_lookups, _hits, _reused, _promptTokens, _entries.Count, _bytes, _budget);
            }
        }
    }

    /// <summary>
    /// The entry sharing the longest token prefix with <paramref name="prompt"/> and how many of its tokens to reuse
    /// (at most the prompt's length minus one, so the last prompt token still runs and yields logits).
    /// </summary>
    public (PrefixCacheEntry? Entry, int Reuse) Lookup(IReadOnlyList<int> prompt)
    {
        if (_budget <= 0)
        {
            return (null, 0);
        }

        PrefixCacheEntry? best = null;
        var bestLength = 0;
        foreach (var entry in _entries)
        {
            var n = CommonPrefix(entry.Tokens, prompt);
            if (n > bestLength)
            {
                (best, bestLength) = (entry, n);
            }
        }

        var reuse = Math.Min(bestLength, prompt.Count - 1);
        lock (_entries)
        {
            _lookups++;
            _promptTokens += prompt.Count;
            if (best is null || reuse < _minTokens)
            {
                return (null, bestLength);
            }

            _hits++;
            _reused += reuse;
            best.LastUsed = ++_clock;
        }

        return (best, reuse);
    }

    /// <summary>
    /// Offers the KV of a prefilled prompt (<paramref name="state"/> holds exactly <paramref name="prompt"/>):
    /// stored when no cached prefix of useful length matched it (<paramref name="matched"/> from <see cref="Lookup"/>).
    /// </summary>
    public void Offer(IReadOnlyList<int> prompt, int matched, DecoderState state)
    {
        var bytesPerToken = state.Layout.TokenBytesAllHeads * state.TensorCount;
        if (_budget <= 0 || matched >= _minTokens || prompt.Count < _minTokens || state.PastLength != prompt.Count || prompt.Count * bytesPerToken > _budget)
        {
            return;
        }

        var entry = new PrefixCacheEntry([.. prompt], state) { LastUsed = ++_clock };
        lock (_entries)
        {
            while (_bytes + entry.Bytes > _budget && _entries.Count > 0)
            {
                var victim = _entries.MinBy(e => e.LastUsed)!;
                _entries.Remove(victim);
                _bytes -= victim.Bytes;
                victim.Dispose();
            }

            _entries.Add(entry);
            _bytes += entry.Bytes;
        }
    }

    public void Dispose()
    {
        lock (_entries)
        {
            foreach (var e in _entries)
            {
                e.Dispose();
            }

            _entries.Clear();
            _bytes = 0;
        }
    }

    private static int CommonPrefix(int[] cached, IReadOnlyList<int> prompt)
    {
        var n = Math.Min(cached.Length, prompt.Count);
        var i = 0;
        while (i < n && cached[i] == prompt[i])
        {
            i++;
        }

        return i;
    }
}

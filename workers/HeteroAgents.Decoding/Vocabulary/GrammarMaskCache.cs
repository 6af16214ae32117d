using System.Collections.Concurrent;

namespace HeteroAgents.Decoding.Vocabulary;

/// <summary>
/// Token masks of one grammar over one vocabulary, keyed by the parse state they were computed from (as bytes, with
/// absolute positions made relative, see <c>JsonSchemaConstraint.WriteStateKey</c>). Shared by every constraint of
/// the grammar and thread-safe: a state that recurs (the same place in a document, in this generation or a later
/// one) gets its mask from here instead of a trie walk. Bounded by a byte budget; once full, new masks are not kept.
/// </summary>
internal sealed class GrammarMaskCache
{
    private readonly ConcurrentDictionary<byte[], CachedMask> _masks = new(KeyComparer.Instance);
    private readonly ConcurrentDictionary<byte[], CachedMask>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly long _budget;
    private long _bytes;

    public GrammarMaskCache(long budgetBytes)
    {
        _budget = budgetBytes;
        _lookup = _masks.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>Whether anything can be stored (a zero budget turns the cache off).</summary>
    public bool Enabled => _budget > 0;

    /// <summary>Number of stored masks.</summary>
    public int Count => _masks.Count;

    public bool TryGet(ReadOnlySpan<byte> key, out CachedMask mask) => _lookup.TryGetValue(key, out mask!);

    /// <summary>Stores <paramref name="mask"/> under <paramref name="key"/> while the budget allows.</summary>
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<uint> mask)
    {
        if (Interlocked.Read(ref _bytes) >= _budget)
        {
            return;
        }

        var entry = CachedMask.Of(mask);
        if (_lookup.TryAdd(key, entry))
        {
            Interlocked.Add(ref _bytes, entry.Bytes + key.Length + 64);
        }
    }

    private sealed class KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static KeyComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}

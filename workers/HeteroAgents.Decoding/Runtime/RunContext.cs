namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// Data shared by every <see cref="StateSet"/> of one run (one constraint, or one validation): the transcript of the
/// bytes on the current path (committed bytes, then the speculative bytes of a mask walk, overwritten as the walk
/// moves), and an append-only log of the canonical forms of completed array items, chained per array (uniqueItems).
/// Entries appended during a mask walk are dropped again with <see cref="Truncate"/>.
/// </summary>
internal sealed class RunContext
{
    private byte[] _bytes = new byte[256];
    private readonly List<(string Canonical, int Previous)> _items = [];

    /// <summary>Records <paramref name="b"/> as the byte at <paramref name="position"/>.</summary>
    public void Record(long position, int b)
    {
        if (b < 0 || position > int.MaxValue - 1)
        {
            return;
        }

        if (position >= _bytes.Length)
        {
            System.Array.Resize(ref _bytes, (int)Math.Min(int.MaxValue - 1, Math.Max(position + 1, _bytes.Length * 2L)));
        }

        _bytes[position] = (byte)b;
    }

    /// <summary>The recorded bytes in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public ReadOnlySpan<byte> Slice(long start, long end) => _bytes.AsSpan((int)start, (int)(end - start));

    /// <summary>Number of item-log entries (a watermark for <see cref="Truncate"/>).</summary>
    public int ItemCount => _items.Count;

    /// <summary>Whether the chain ending at <paramref name="head"/> (-1: empty) holds <paramref name="canonical"/>.</summary>
    public bool Contains(int head, string canonical)
    {
        for (var i = head; i >= 0; i = _items[i].Previous)
        {
            if (string.Equals(_items[i].Canonical, canonical, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends <paramref name="canonical"/> to the chain ending at <paramref name="head"/>; returns the new head.</summary>
    public int Append(int head, string canonical)
    {
        _items.Add((canonical, head));
        return _items.Count - 1;
    }

    /// <summary>Drops item-log entries from <paramref name="count"/> on (those of a finished mask walk).</summary>
    public void Truncate(int count)
    {
        if (count < _items.Count)
        {
            _items.RemoveRange(count, _items.Count - count);
        }
    }
}

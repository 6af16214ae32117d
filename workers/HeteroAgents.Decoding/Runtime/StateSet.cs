namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// A set of parse threads (one per live alternative or group member), each a stack of <see cref="Frame"/>s stored in
/// a fixed-size slot. Reused across steps; grows on demand up to <see cref="HardLimit"/> threads and never shrinks.
/// A step that would need more threads than that leaves the set empty: the engine fails closed (rejects) rather
/// than dropping a thread, because a dropped thread inside a negation would turn a rejection into an acceptance.
/// </summary>
internal sealed class StateSet
{
    public const int HardLimit = 2048;

    public StateSet(int maxFrames, int threads, RunContext context)
    {
        MaxFrames = maxFrames;
        Frames = new Frame[maxFrames * threads];
        Depths = new int[threads];
        Context = context;
    }

    public int MaxFrames { get; }

    public Frame[] Frames { get; private set; }

    public int[] Depths { get; private set; }

    public int Count { get; set; }

    /// <summary>Bytes consumed since the start of the document (identifies group instances; indexes the transcript).</summary>
    public long Position { get; set; }

    /// <summary>Per-run shared data (transcript and item log for uniqueItems).</summary>
    public RunContext Context { get; }

    /// <summary>Set during a step when some thread reached the end of a group member's value.</summary>
    internal bool HasArrivals { get; set; }

    /// <summary>Set during a step when some thread did not simply take the byte (rejected, forked, arrived).</summary>
    internal bool Changed { get; set; }

    /// <summary>Set during a step when a thread or frame limit was exceeded: the result is emptied.</summary>
    internal bool Overflow { get; set; }

    /// <summary>Scratch for end-of-input checks (owned by this set's user, like the set itself).</summary>
    internal StateSet? EofScratch { get; set; }

    /// <summary>Scratch flags and keys of the join and pruning passes.</summary>
    internal bool[] Dead { get; private set; } = new bool[8];

    internal List<(int Depth, int Spec, long Instance, ulong Alive)> Instances { get; } = [];

    /// <summary>Scratch: the base-member arrivals of the group instance being joined.</summary>
    internal List<int> Drivers { get; } = [];

    private ulong[] _lanes = new ulong[8];
    private ulong[] _scratch = new ulong[8];

    /// <summary>Scratch lane rows (one word per thread) for pruning.</summary>
    internal Span<ulong> Lanes(int n)
    {
        if (_lanes.Length < n)
        {
            _lanes = new ulong[Math.Max(n, _lanes.Length * 2)];
        }

        return _lanes.AsSpan(0, n);
    }

    /// <summary>Scratch words for the group viability pass.</summary>
    internal Span<ulong> Scratch(int n)
    {
        if (_scratch.Length < n)
        {
            _scratch = new ulong[Math.Max(n, _scratch.Length * 2)];
        }

        return _scratch.AsSpan(0, n);
    }

    public Span<Frame> Thread(int i) => Frames.AsSpan(i * MaxFrames, Depths[i]);

    /// <summary>Makes room for thread <paramref name="slot"/>; false (and <see cref="Overflow"/>) beyond the hard limit.</summary>
    public bool EnsureSlot(int slot)
    {
        if (slot < Depths.Length)
        {
            return true;
        }

        if (slot >= HardLimit)
        {
            Overflow = true;
            return false;
        }

        var n = Math.Min(HardLimit, Math.Max(slot + 1, Depths.Length * 2));
        var frames = new Frame[MaxFrames * n];
        Frames.AsSpan().CopyTo(frames);
        Frames = frames;
        var depths = new int[n];
        Depths.AsSpan().CopyTo(depths);
        Depths = depths;
        return true;
    }

    internal Span<bool> DeadFlags(int n)
    {
        if (Dead.Length < n)
        {
            Dead = new bool[Math.Max(n, Dead.Length * 2)];
        }

        var span = Dead.AsSpan(0, n);
        span.Clear();
        return span;
    }

    public void CopyFrom(StateSet other)
    {
        EnsureSlot(other.Count - 1);
        Count = other.Count;
        Position = other.Position;
        for (var i = 0; i < Count; i++)
        {
            Depths[i] = other.Depths[i];
            other.Thread(i).CopyTo(Frames.AsSpan(i * MaxFrames));
        }
    }

    /// <summary>Removes threads identical to an earlier one.</summary>
    public void Deduplicate()
    {
        for (var i = Count - 1; i > 0; i--)
        {
            var ti = System.Runtime.InteropServices.MemoryMarshal.AsBytes(Thread(i));
            for (var j = 0; j < i; j++)
            {
                if (Depths[j] == Depths[i] && ti.SequenceEqual(System.Runtime.InteropServices.MemoryMarshal.AsBytes(Thread(j))))
                {
                    RemoveAt(i);
                    break;
                }
            }
        }
    }

    public void RemoveAt(int i)
    {
        var last = Count - 1;
        if (i != last)
        {
            Depths[i] = Depths[last];
            Frames.AsSpan(last * MaxFrames, Depths[last]).CopyTo(Frames.AsSpan(i * MaxFrames));
        }

        Count = last;
    }

    /// <summary>Removes the threads whose flag is set, keeping the others in order.</summary>
    public void RemoveFlagged(ReadOnlySpan<bool> flags)
    {
        var w = 0;
        for (var r = 0; r < Count; r++)
        {
            if (r < flags.Length && flags[r])
            {
                continue;
            }

            if (w != r)
            {
                Depths[w] = Depths[r];
                Frames.AsSpan(r * MaxFrames, Depths[r]).CopyTo(Frames.AsSpan(w * MaxFrames));
            }

            w++;
        }

        Count = w;
    }
}

namespace HeteroAgents.Decoding.Runtime;

/// <summary>
/// A set of parse threads (one per live alternative), each a stack of <see cref="Frame"/>s stored in a fixed-size
/// slot. Reused across steps; never shrinks.
/// </summary>
internal sealed class StateSet
{
    public StateSet(int maxFrames, int maxThreads)
    {
        MaxFrames = maxFrames;
        MaxThreads = maxThreads;
        Frames = new Frame[maxFrames * maxThreads];
        Depths = new int[maxThreads];
    }

    public int MaxFrames { get; }

    public int MaxThreads { get; }

    public Frame[] Frames { get; }

    public int[] Depths { get; }

    public int Count { get; set; }

    public Span<Frame> Thread(int i) => Frames.AsSpan(i * MaxFrames, Depths[i]);

    public void CopyFrom(StateSet other)
    {
        Count = other.Count;
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
}

namespace HeteroAgents.Decoding.Regex;

/// <summary>
/// A deterministic automaton over bytes: <see cref="Next"/>[state * 256 + byte] is the next state or -1.
/// Accepting states carry a tag-set id (see <see cref="TagSets"/>). Immutable and shared across threads.
/// </summary>
internal sealed class ByteDfa
{
    private static int s_nextId;

    public ByteDfa(int[] next, int[] accept, int[][] tagSets)
    {
        Next = next;
        Accept = accept;
        TagSets = tagSets;
        Id = Interlocked.Increment(ref s_nextId);
    }

    /// <summary>A process-unique id, used as a cache key.</summary>
    public int Id { get; }

    public int[] Next { get; }

    /// <summary>Per state: -1 if not accepting, else an index into <see cref="TagSets"/>.</summary>
    public int[] Accept { get; }

    /// <summary>The sorted tags of the NFA accept states merged into each accepting DFA state class.</summary>
    public int[][] TagSets { get; }

    public int StateCount => Accept.Length;

    public bool IsAccepting(int state) => Accept[state] >= 0;

    /// <summary>Runs the automaton over <paramref name="bytes"/> from the start state; returns the final state or -1.</summary>
    public int Run(ReadOnlySpan<byte> bytes)
    {
        var s = 0;
        foreach (var b in bytes)
        {
            s = Next[(s << 8) | b];
            if (s < 0)
            {
                return -1;
            }
        }

        return s;
    }
}

namespace HeteroAgents.Decoding.Regex;

/// <summary>Subset construction from a <see cref="ByteNfa"/> to a <see cref="ByteDfa"/> (state 0 is the start).</summary>
internal static class DfaBuilder
{
    private const int MaxStates = 4000;

    public static ByteDfa Build(ByteNfa nfa)
    {
        var index = new Dictionary<int[], int>(IntArrayComparer.Instance);
        var sets = new List<int[]>();
        var next = new List<int>();
        var tagSetIndex = new Dictionary<int[], int>(IntArrayComparer.Instance);
        var tagSets = new List<int[]>();
        var accept = new List<int>();
        var mark = new int[nfa.Count];
        var stamp = 0;
        var stack = new Stack<int>();

        // With one tag, a set holding the universal tail accepts exactly what the tail alone accepts (everything):
        // collapsing such sets keeps a search pattern's "already matched" part to one state per position inside a
        // code point instead of one per combination of partial matches still running (2^n for n alternatives).
        int[]? universal = null;

        // atStart: the closure of the start state also takes ^ edges; atEnd: the closure that decides acceptance also
        // takes $ edges (after one, no byte may follow, so such states are only looked at for their tags).
        int[] Closure(IEnumerable<int> seeds, bool atStart, bool atEnd)
        {
            stamp++;
            var result = new List<int>();
            foreach (var s in seeds)
            {
                stack.Push(s);
            }

            while (stack.Count > 0)
            {
                var s = stack.Pop();
                if (mark[s] == stamp)
                {
                    continue;
                }

                mark[s] = stamp;
                // Keep only states that matter: those with byte edges, an accept tag, or a $ edge.
                if (nfa.Edges(s).Count > 0 || nfa.Tag(s) >= 0 || nfa.EndEpsilons(s).Count > 0)
                {
                    result.Add(s);
                }

                foreach (var e in nfa.Epsilons(s))
                {
                    stack.Push(e);
                }

                foreach (var e in atStart ? nfa.StartEpsilons(s) : [])
                {
                    stack.Push(e);
                }

                foreach (var e in atEnd ? nfa.EndEpsilons(s) : [])
                {
                    stack.Push(e);
                }
            }

            result.Sort();
            return universal is not null && result.BinarySearch(nfa.Universal) >= 0 ? universal : [.. result];
        }

        int Intern(int[] closure, Queue<int> work)
        {
            if (index.TryGetValue(closure, out var id))
            {
                return id;
            }

            if (sets.Count >= MaxStates)
            {
                throw new RegexUnsupportedException("pattern is too complex (DFA state limit)");
            }

            id = sets.Count;
            index[closure] = id;
            sets.Add(closure);
            var final = nfa.HasAnchors ? Closure(closure, false, true) : closure;
            var tags = final.Select(nfa.Tag).Where(t => t >= 0).Distinct().Order().ToArray();
            if (tags.Length == 0)
            {
                accept.Add(-1);
            }
            else
            {
                if (!tagSetIndex.TryGetValue(tags, out var ts))
                {
                    ts = tagSets.Count;
                    tagSetIndex[tags] = ts;
                    tagSets.Add(tags);
                }

                accept.Add(ts);
            }

            for (var b = 0; b < 256; b++)
            {
                next.Add(-1);
            }

            work.Enqueue(id);
            return id;
        }

        if (nfa.Universal >= 0 && nfa.HasSingleTag)
        {
            universal = Closure([nfa.Universal], false, false);
        }

        var queue = new Queue<int>();
        Intern(Closure([nfa.Start], true, false), queue);
        var targets = new List<int>?[256];
        while (queue.Count > 0)
        {
            var d = queue.Dequeue();
            Array.Clear(targets);
            foreach (var s in sets[d])
            {
                foreach (var (lo, hi, to) in nfa.Edges(s))
                {
                    for (var b = (int)lo; b <= hi; b++)
                    {
                        (targets[b] ??= []).Add(to);
                    }
                }
            }

            List<int>? previous = null;
            var previousTarget = -1;
            for (var b = 0; b < 256; b++)
            {
                if (targets[b] is not { } t)
                {
                    continue;
                }

                if (previous is not null && previous.Count == t.Count && previous.SequenceEqual(t))
                {
                    next[(d << 8) | b] = previousTarget;
                    continue;
                }

                var target = Intern(Closure(t, false, false), queue);
                next[(d << 8) | b] = target;
                previous = t;
                previousTarget = target;
            }
        }

        return new ByteDfa([.. next], [.. accept], [.. tagSets]);
    }

    private sealed class IntArrayComparer : IEqualityComparer<int[]>
    {
        public static readonly IntArrayComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] obj)
        {
            var h = new HashCode();
            h.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(obj.AsSpan()));
            return h.ToHashCode();
        }
    }
}

namespace HeteroAgents.Decoding.Regex;

/// <summary>Subset construction from a <see cref="ByteNfa"/> to a <see cref="ByteDfa"/> (state 0 is the start).</summary>
internal static class DfaBuilder
{
    private const int MaxStates = 4000;

    public static ByteDfa Build(ByteNfa nfa)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var sets = new List<int[]>();
        var next = new List<int>();
        var tagSetIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var tagSets = new List<int[]>();
        var accept = new List<int>();

        int Intern(SortedSet<int> closure)
        {
            var arr = closure.ToArray();
            var key = string.Join(',', arr);
            if (index.TryGetValue(key, out var id))
            {
                return id;
            }

            if (sets.Count >= MaxStates)
            {
                throw new RegexUnsupportedException("pattern is too complex (DFA state limit)");
            }

            id = sets.Count;
            index[key] = id;
            sets.Add(arr);
            var tags = arr.Select(nfa.Tag).Where(t => t >= 0).Distinct().Order().ToArray();
            if (tags.Length == 0)
            {
                accept.Add(-1);
            }
            else
            {
                var tagKey = string.Join(',', tags);
                if (!tagSetIndex.TryGetValue(tagKey, out var ts))
                {
                    ts = tagSets.Count;
                    tagSetIndex[tagKey] = ts;
                    tagSets.Add(tags);
                }

                accept.Add(ts);
            }

            for (var b = 0; b < 256; b++)
            {
                next.Add(-1);
            }

            return id;
        }

        var work = new Queue<int>();
        work.Enqueue(Intern(Closure(nfa, [nfa.Start])));
        var targets = new List<int>[256];
        while (work.Count > 0)
        {
            var d = work.Dequeue();
            Array.Clear(targets);
            foreach (var s in sets[d])
            {
                foreach (var (lo, hi, to) in nfa.Edges(s))
                {
                    for (var b = lo; b <= hi; b++)
                    {
                        (targets[b] ??= []).Add(to);
                        if (b == 255)
                        {
                            break;
                        }
                    }
                }
            }

            var cache = new Dictionary<string, int>(StringComparer.Ordinal);
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

                var key = string.Join(',', t.Distinct().Order());
                if (!cache.TryGetValue(key, out var target))
                {
                    var before = sets.Count;
                    target = Intern(Closure(nfa, t));
                    if (sets.Count > before)
                    {
                        work.Enqueue(target);
                    }

                    cache[key] = target;
                }

                next[(d << 8) | b] = target;
                previous = t;
                previousTarget = target;
            }
        }

        return new ByteDfa([.. next], [.. accept], [.. tagSets]);
    }

    private static SortedSet<int> Closure(ByteNfa nfa, IEnumerable<int> seeds)
    {
        var set = new SortedSet<int>();
        var stack = new Stack<int>(seeds);
        while (stack.Count > 0)
        {
            var s = stack.Pop();
            if (!set.Add(s))
            {
                continue;
            }

            foreach (var e in nfa.Epsilons(s))
            {
                stack.Push(e);
            }
        }

        return set;
    }
}

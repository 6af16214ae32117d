using System.Text;
using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>
/// The automata of an object's keys: <see cref="Key"/> (names tagged by index, patterns, any string when other keys
/// are allowed), <see cref="Names"/> (names and patterns only), <see cref="Other"/> (patterns and any string, to
/// resolve required names that are not in <c>properties</c>) and the state map from Key to its two components.
/// </summary>
internal sealed class KeyAutomata
{
    public required ByteDfa Key { get; init; }

    public required ByteDfa Names { get; init; }

    public required ByteDfa Other { get; init; }

    public required int[] NamesState { get; init; }

    public required int[] AnyState { get; init; }

    /// <summary>Per key-DFA state: the property indexes (below 64) whose name can still be completed from it.</summary>
    public required ulong[] Reach { get; init; }

    public static KeyAutomata Build(IReadOnlyList<string> names, IReadOnlyList<ByteDfa> patterns, bool additional, ByteDfa? filter)
    {
        var key = new ByteNfa();
        var namesOnly = new ByteNfa();
        var other = new ByteNfa();
        for (var j = 0; j < patterns.Count; j++)
        {
            key.AddDfa(patterns[j], names.Count + j);
            namesOnly.AddDfa(patterns[j], names.Count + j);
            other.AddDfa(patterns[j], names.Count + j);
        }

        if (additional)
        {
            var anyKey = new RegexRepeat(new RegexCharSet(CharRanges.Any), 0, -1);
            key.AddPattern(anyKey, names.Count + patterns.Count);
            other.AddPattern(anyKey, names.Count + patterns.Count);
        }

        for (var i = 0; i < names.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(names[i]);
            key.AddLiteral(bytes, i);
            namesOnly.AddLiteral(bytes, i);
        }

        var keyDfa = DfaBuilder.Build(key);
        var namesDfa = DfaBuilder.Build(namesOnly);
        var otherDfa = DfaBuilder.Build(other);
        if (filter is not null)
        {
            // propertyNames: every part only takes the names the filter allows.
            keyDfa = DfaCache.Intersect(keyDfa, filter);
            namesDfa = DfaCache.Intersect(namesDfa, filter);
            otherDfa = DfaCache.Intersect(otherDfa, filter);
        }

        var (namesState, anyState) = MapKeyStates(keyDfa, namesDfa, additional ? filter ?? DfaCache.AnyString : null);
        return new KeyAutomata
        {
            Key = keyDfa, Names = namesDfa, Other = otherDfa, NamesState = namesState, AnyState = anyState,
            Reach = Reachable(keyDfa, names.Count),
        };
    }

    private static ulong[] Reachable(ByteDfa dfa, int nameCount)
    {
        var reach = new ulong[dfa.StateCount];
        for (var s = 0; s < reach.Length; s++)
        {
            if (dfa.Accept[s] >= 0)
            {
                foreach (var tag in dfa.TagSets[dfa.Accept[s]])
                {
                    reach[s] |= tag < nameCount && tag < 64 ? 1UL << tag : 0;
                }
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var s = 0; s < reach.Length; s++)
            {
                var r = reach[s];
                for (var b = 0; b < 256; b++)
                {
                    var t = dfa.Next[(s << 8) | b];
                    if (t >= 0)
                    {
                        r |= reach[t];
                    }
                }

                if (r != reach[s])
                {
                    reach[s] = r;
                    changed = true;
                }
            }
        }

        return reach;
    }

    /// <summary>Maps each key-DFA state to the states of its two components (names/patterns, any string).</summary>
    private static (int[] Names, int[] Any) MapKeyStates(ByteDfa key, ByteDfa names, ByteDfa? any)
    {
        var n = new int[key.StateCount];
        var a = new int[key.StateCount];
        Array.Fill(n, -2);
        var queue = new Queue<(int K, int N, int A)>();
        queue.Enqueue((0, 0, any is null ? -1 : 0));
        n[0] = 0;
        a[0] = any is null ? -1 : 0;
        while (queue.Count > 0)
        {
            var (k, ns, ans) = queue.Dequeue();
            for (var b = 0; b < 256; b++)
            {
                var nk = key.Next[(k << 8) | b];
                if (nk < 0 || n[nk] != -2)
                {
                    continue;
                }

                n[nk] = ns < 0 ? -1 : names.Next[(ns << 8) | b];
                a[nk] = ans < 0 ? -1 : any!.Next[(ans << 8) | b];
                queue.Enqueue((nk, n[nk], a[nk]));
            }
        }

        return (n, a);
    }}

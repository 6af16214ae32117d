using System.Collections.Concurrent;
using System.Text;
using HeteroAgents.Decoding.Regex;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Process-wide cache of automata built from patterns and literal sets (they are immutable).</summary>
internal static class DfaCache
{
    private static readonly ConcurrentDictionary<string, ByteDfa> s_patterns = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, ByteDfa> s_literals = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, KeyAutomata> s_keys = new(StringComparer.Ordinal);

    /// <summary>The key automata of an object with these property names, patternProperties and additional flag.</summary>
    public static KeyAutomata Keys(IReadOnlyList<string> names, IReadOnlyList<string> patternSources, IReadOnlyList<RegexNode> patterns, bool additional)
    {
        var key = string.Join("\u0001", names) + "\u0002" + string.Join("\u0001", patternSources) + (additional ? "\u0003" : "");
        return s_keys.GetOrAdd(key, _ => KeyAutomata.Build(names, patterns, additional));
    }

    /// <summary>Any sequence of code points (the content automaton of an unconstrained string).</summary>
    public static ByteDfa AnyString { get; } = Pattern("^(?:[\\s\\S])*$");

    /// <summary>The automaton for a search-semantics pattern; throws <see cref="RegexUnsupportedException"/>.</summary>
    public static ByteDfa Pattern(string pattern) => s_patterns.GetOrAdd(pattern, static p =>
    {
        var nfa = new ByteNfa();
        nfa.AddPattern(RegexParser.ParseSearchPattern(p), 0);
        return DfaBuilder.Build(nfa);
    });

    /// <summary>The automaton accepting exactly the given byte strings (each tagged 0).</summary>
    public static ByteDfa Literals(IReadOnlyList<byte[]> values)
    {
        var key = string.Join("\u0001", values.Select(v => Encoding.UTF8.GetString(v)));
        return s_literals.GetOrAdd(key, _ =>
        {
            var nfa = new ByteNfa();
            foreach (var v in values)
            {
                nfa.AddLiteral(v, 0);
            }

            return DfaBuilder.Build(nfa);
        });
    }

    /// <summary>The intersection of two automata (product construction; tags of the first are kept).</summary>
    public static ByteDfa Intersect(ByteDfa a, ByteDfa b)
    {
        var index = new Dictionary<(int, int), int> { [(0, 0)] = 0 };
        var pairs = new List<(int, int)> { (0, 0) };
        var next = new List<int>();
        var accept = new List<int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (sa, sb) = pairs[i];
            accept.Add(a.Accept[sa] >= 0 && b.Accept[sb] >= 0 ? a.Accept[sa] : -1);
            for (var c = 0; c < 256; c++)
            {
                var na = a.Next[(sa << 8) | c];
                var nb = b.Next[(sb << 8) | c];
                if (na < 0 || nb < 0)
                {
                    next.Add(-1);
                    continue;
                }

                if (!index.TryGetValue((na, nb), out var id))
                {
                    if (pairs.Count >= 4000)
                    {
                        throw new RegexUnsupportedException("intersection of patterns is too complex");
                    }

                    id = pairs.Count;
                    index[(na, nb)] = id;
                    pairs.Add((na, nb));
                }

                next.Add(id);
            }
        }

        return new ByteDfa([.. next], [.. accept], a.TagSets);
    }
}

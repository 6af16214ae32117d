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

    /// <summary>The key automata of an object with these property names, patternProperties, additional flag and name filter.</summary>
    public static KeyAutomata Keys(IReadOnlyList<string> names, IReadOnlyList<string> patternSources, IReadOnlyList<ByteDfa> patterns, bool additional, ByteDfa? filter = null)
    {
        var key = string.Join("\u0001", names) + "\u0002" + string.Join("\u0001", patternSources) + (additional ? "\u0003" : "")
            + (filter is null ? "" : "\u0004" + filter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return s_keys.GetOrAdd(key, _ => KeyAutomata.Build(names, patterns, additional, filter));
    }

    /// <summary>Any sequence of code points (the content automaton of an unconstrained string).</summary>
    public static ByteDfa AnyString { get; } = Pattern("^(?:[\\s\\S])*$");

    /// <summary>
    /// The automaton for a search-semantics pattern (tag 0); lookarounds at the anchored ends of an alternative are
    /// applied by intersection or difference. Throws <see cref="RegexUnsupportedException"/>.
    /// </summary>
    public static ByteDfa Pattern(string pattern) => s_patterns.GetOrAdd(pattern, static p =>
    {
        var alternatives = RegexParser.ParsePattern(p);
        if (alternatives.All(a => a.Constraints.Count == 0))
        {
            var nfa = new ByteNfa();
            foreach (var a in alternatives)
            {
                // An alternative not anchored at its end matches anything after its match: the shared tail.
                if (a.Core is RegexConcat { Items: [.., RegexRepeat { Min: 0, Max: -1, Item: RegexCharSet tail }] } concat && tail.Ranges.SequenceEqual(CharRanges.Any))
                {
                    nfa.AddPatternThenAnything(new RegexConcat([.. concat.Items.Take(concat.Items.Count - 1)]), 0);
                }
                else
                {
                    nfa.AddPattern(a.Core, 0);
                }
            }

            return DfaBuilder.Build(nfa);
        }

        ByteDfa? result = null;
        foreach (var a in alternatives)
        {
            var dfa = Whole(a.Core);
            foreach (var (language, negative) in a.Constraints)
            {
                dfa = negative ? Difference(dfa, Whole(language)) : Intersect(dfa, Whole(language));
            }

            result = result is null ? dfa : Union(result, dfa);
        }

        return result!;
    });

    private static ByteDfa Whole(RegexNode node)
    {
        var nfa = new ByteNfa();
        nfa.AddPattern(node, 0);
        return DfaBuilder.Build(nfa);
    }

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
    public static ByteDfa Intersect(ByteDfa a, ByteDfa b) => Product(a, b, ProductMode.And);

    /// <summary>The union of two content automata (accepting states tagged 0).</summary>
    public static ByteDfa Union(ByteDfa a, ByteDfa b) => Product(a, b, ProductMode.Or);

    /// <summary>The strings of <paramref name="a"/> that <paramref name="b"/> does not accept (tags of the first kept).</summary>
    public static ByteDfa Difference(ByteDfa a, ByteDfa b) => Product(a, b, ProductMode.AndNot);

    /// <summary>Every string (sequence of code points) that <paramref name="a"/> does not accept.</summary>
    public static ByteDfa Complement(ByteDfa a) => Difference(AnyString, a);

    private enum ProductMode
    {
        And,
        Or,
        AndNot,
    }

    /// <summary>The automaton accepting nothing.</summary>
    public static ByteDfa Empty { get; } = new(Enumerable.Repeat(-1, 256).ToArray(), [-1], []);

    /// <summary>Strings of <paramref name="min"/> to <paramref name="max"/> (-1: any number of) code points.</summary>
    public static ByteDfa Length(int min, int max)
    {
        if (min > 1000 || max > 1000)
        {
            throw new RegexUnsupportedException("length bounds above 1000 cannot be applied to names");
        }

        return Pattern(max < 0 ? $"^[\\s\\S]{{{min},}}$" : $"^[\\s\\S]{{{min},{max}}}$");
    }

    private const int MaxProductStates = 20_000;

    private static readonly ConcurrentDictionary<(int, int, ProductMode), ByteDfa> s_products = new();

    /// <summary>Products are cached by operand ids, so equal combinations are one shared automaton (with cached content masks).</summary>
    private static ByteDfa Product(ByteDfa a, ByteDfa b, ProductMode mode) =>
        s_products.GetOrAdd((a.Id, b.Id, mode), _ => BuildProduct(a, b, mode));

    private static ByteDfa BuildProduct(ByteDfa a, ByteDfa b, ProductMode mode)
    {
        // -1 stands for the dead state of a side (of either side in a union, of the second in a difference).
        var index = new Dictionary<(int, int), int> { [(0, 0)] = 0 };
        var pairs = new List<(int, int)> { (0, 0) };
        var next = new List<int>();
        var accept = new List<int>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var (sa, sb) = pairs[i];
            var aa = sa >= 0 && a.Accept[sa] >= 0;
            var ab = sb >= 0 && b.Accept[sb] >= 0;
            accept.Add(mode switch
            {
                ProductMode.Or => aa || ab ? 0 : -1,
                ProductMode.And => aa && ab ? a.Accept[sa] : -1,
                _ => aa && !ab ? a.Accept[sa] : -1,
            });
            for (var c = 0; c < 256; c++)
            {
                var na = sa < 0 ? -1 : a.Next[(sa << 8) | c];
                var nb = sb < 0 ? -1 : b.Next[(sb << 8) | c];
                if (mode switch { ProductMode.Or => na < 0 && nb < 0, ProductMode.And => na < 0 || nb < 0, _ => na < 0 })
                {
                    next.Add(-1);
                    continue;
                }

                if (!index.TryGetValue((na, nb), out var id))
                {
                    if (pairs.Count >= MaxProductStates)
                    {
                        throw new RegexUnsupportedException("combination of patterns is too complex (automaton state limit)");
                    }

                    id = pairs.Count;
                    index[(na, nb)] = id;
                    pairs.Add((na, nb));
                }

                next.Add(id);
            }
        }

        return new ByteDfa([.. next], [.. accept], mode == ProductMode.Or ? [[0]] : a.TagSets);
    }
}

using System.Text;
using System.Text.Json;
using HeteroAgents.Decoding.Regex;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Strings: content automata from patterns and formats, and whole string languages (for property names).</summary>
internal sealed partial class GrammarBuilder
{
    private int BuildString(SchemaInfo s)
    {
        var dfa = PatternsDfa(s);
        if (s.MaxLength >= 0 && s.MaxLength < s.MinLength)
        {
            return -1;
        }

        var key = (dfa.Id, s.MinLength, s.MaxLength);
        if (_stringSpecs.TryGetValue(key, out var existing))
        {
            return existing;
        }

        Tables.Strings.Add(new StringSpec { Dfa = dfa, MinLength = s.MinLength, MaxLength = s.MaxLength, SharedDfa = true });
        return _stringSpecs[key] = Tables.Strings.Count - 1;
    }

    /// <summary>The content automaton of the schema's patterns and formats (any string when it has none).</summary>
    private static ByteDfa PatternsDfa(SchemaInfo s)
    {
        var dfa = DfaCache.AnyString;
        foreach (var (pattern, keyword, pointer, negated) in s.Patterns)
        {
            try
            {
                var p = DfaCache.Pattern(pattern);
                dfa = negated ? DfaCache.Difference(dfa, p) : ReferenceEquals(dfa, DfaCache.AnyString) ? p : DfaCache.Intersect(dfa, p);
            }
            catch (RegexUnsupportedException ex)
            {
                throw new SchemaCompilationException(keyword, pointer, ex.Message);
            }
        }

        return dfa;
    }

    /// <summary>
    /// The strings (as decoded content) valid against <paramref name="raw"/>, as one automaton: for
    /// <c>propertyNames</c>. Fails naming <paramref name="keyword"/> where the schema cannot be expressed that way.
    /// </summary>
    private ByteDfa StringLanguage(SchemaInfo raw, string keyword, string pointer)
    {
        var n = _normalizer.Normalize(raw);
        ByteDfa? result = null;
        foreach (var branch in _normalizer.Expand(n, pointer))
        {
            if (branch.Checks.Count > 0)
            {
                throw new SchemaCompilationException(keyword, pointer, "the name schema uses not, if or an overlapping oneOf, which names cannot be checked against");
            }

            var dfa = LeafStringLanguage(branch, keyword, pointer);
            try
            {
                result = result is null ? dfa : DfaCache.Union(result, dfa);
            }
            catch (RegexUnsupportedException ex)
            {
                throw new SchemaCompilationException(keyword, pointer, ex.Message);
            }
        }

        return result ?? DfaCache.Empty;
    }

    private static ByteDfa LeafStringLanguage(SchemaInfo s, string keyword, string pointer)
    {
        if (s.IsFalse || (s.Types & JsonTypes.String) == 0 || (s.MaxLength >= 0 && s.MaxLength < s.MinLength))
        {
            return DfaCache.Empty;
        }

        try
        {
            var dfa = PatternsDfa(s);
            if (s.Enum is not null)
            {
                var strings = s.Enum.Where(v => v[0] == '"').Select(v => Encoding.UTF8.GetBytes(JsonSerializer.Deserialize<string>(v)!)).ToList();
                dfa = strings.Count == 0 ? DfaCache.Empty : DfaCache.Intersect(DfaCache.Literals(strings), dfa);
            }

            if (s.MinLength > 0 || s.MaxLength >= 0)
            {
                dfa = DfaCache.Intersect(dfa, DfaCache.Length(s.MinLength, s.MaxLength));
            }

            return dfa;
        }
        catch (RegexUnsupportedException ex)
        {
            throw new SchemaCompilationException(keyword, pointer, ex.Message);
        }
    }
}

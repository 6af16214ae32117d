using System.Text;
using HeteroAgents.Decoding.Regex;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Objects: property names, key automata and value nodes.</summary>
internal sealed partial class GrammarBuilder
{
    private const int MaxProperties = 128;

    private int BuildObject(SchemaInfo s)
    {
        var filter = s.PropertyNames is { } pn ? StringLanguage(pn, "propertyNames", s.Pointer) : null;
        var names = s.Properties.Select(p => p.Name).ToList();
        var schemas = s.Properties.Select(p => (SchemaInfo?)p.Schema).ToList();
        var presenceNames = s.Presence.SelectMany(c => c.Leaves()).SelectMany(_normalizer.PresenceNames);
        foreach (var r in s.Required.Concat(s.DependentRequired.SelectMany(d => d.Required.Prepend(d.Name))).Concat(presenceNames))
        {
            if (!names.Contains(r))
            {
                names.Add(r);
                schemas.Add(null); // resolved through patternProperties / additionalProperties below
            }
        }

        if (filter is not null)
        {
            for (var i = names.Count - 1; i >= 0; i--)
            {
                var state = filter.Run(Encoding.UTF8.GetBytes(names[i]));
                if (state < 0 || !filter.IsAccepting(state))
                {
                    if (s.Required.Contains(names[i]))
                    {
                        return -1; // a required property's name is not allowed: no object can match
                    }

                    names.RemoveAt(i);
                    schemas.RemoveAt(i);
                }
            }
        }

        var additional = s.AdditionalProperties is { } ap && _normalizer.Normalize(ap).IsFalse ? null : s.AdditionalProperties ?? _any;
        var patterns = new List<(ByteDfa Dfa, SchemaInfo Schema)>();
        foreach (var (pattern, schema, pointer) in s.PatternProperties)
        {
            try
            {
                patterns.Add((DfaCache.Pattern(pattern), schema));
            }
            catch (RegexUnsupportedException ex)
            {
                throw new SchemaCompilationException("patternProperties", pointer, $"pattern '{pattern}': {ex.Message}");
            }
        }

        // Names that are only listed (required or dependentRequired) take their schema from patterns or
        // additionalProperties; one that is not allowed at all cannot appear.
        var other = KeysFor(s, names, patterns, additional is not null, filter).Other;
        for (var i = names.Count - 1; i >= 0; i--)
        {
            if (schemas[i] is not null)
            {
                continue;
            }

            var state = other.Run(Encoding.UTF8.GetBytes(names[i]));
            if (state < 0 || !other.IsAccepting(state))
            {
                if (s.Required.Contains(names[i]))
                {
                    return -1; // a required property is forbidden: no object can match
                }

                names.RemoveAt(i);
                schemas.RemoveAt(i);
                continue;
            }

            schemas[i] = ResolveOther(other.TagSets[other.Accept[state]], names.Count, patterns, additional);
        }

        if (names.Count > MaxProperties)
        {
            throw new SchemaCompilationException("properties", s.Pointer, $"more than {MaxProperties} properties");
        }

        var automata = KeysFor(s, names, patterns, additional is not null, filter);
        var required = UInt128.Zero;
        var forbidden = UInt128.Zero;
        for (var i = 0; i < names.Count; i++)
        {
            if (s.Required.Contains(names[i]))
            {
                required |= UInt128.One << i;
            }

            var normalized = _normalizer.Normalize(schemas[i]!);
            if (normalized.IsFalse || normalized.Types == JsonTypes.None)
            {
                forbidden |= UInt128.One << i;
            }
        }

        if ((required & forbidden) != 0 || (s.MaxProperties >= 0 && (s.MaxProperties < s.MinProperties || s.MaxProperties < s.Required.Count)))
        {
            return -1;
        }

        var dependencies = new List<(int Property, UInt128 Required)>();
        foreach (var (name, needs) in s.DependentRequired)
        {
            var p = names.IndexOf(name);
            if (p < 0)
            {
                continue; // the property cannot appear
            }

            var mask = UInt128.Zero;
            foreach (var n in needs)
            {
                var q = names.IndexOf(n);
                mask |= q < 0 || (forbidden >> q & 1) != 0 ? UInt128.Zero : UInt128.One << q;
                if (q < 0 || (forbidden >> q & 1) != 0)
                {
                    forbidden |= UInt128.One << p; // it needs a property that can never appear
                }
            }

            dependencies.Add((p, mask));
        }

        var all = names.Count == 128 ? UInt128.MaxValue : (UInt128.One << names.Count) - 1;
        BoolExpr Atom(string name) => names.IndexOf(name) is var i && i >= 0 && (forbidden >> i & 1) == 0 ? BoolExpr.Of(i) : BoolExpr.Or();
        var presence = s.Presence.Count == 0 ? null : BoolExpr.And([.. s.Presence.Select(c => c.Map(leaf => _normalizer.PresenceFormula(leaf, Atom)))]);
        if ((required & forbidden) != 0 || (presence is not null && presence.Evaluate3(required, all & ~forbidden) < 0))
        {
            return -1;
        }

        var keyDfa = automata.Key;
        var keyString = KeyString(automata, names, patterns.Count, additional is not null, filter);
        var index = Tables.Objects.Count;
        Tables.Objects.Add(null!);
        var targets = new (int, int)[keyDfa.TagSets.Length];
        for (var t = 0; t < targets.Length; t++)
        {
            var tags = keyDfa.TagSets[t];
            var prop = tags[0] < names.Count ? tags[0] : -1;
            var schema = prop >= 0 ? schemas[prop] : ResolveOther(tags, names.Count, patterns, additional);
            if (prop >= 0)
            {
                foreach (var tag in tags.Where(x => x >= names.Count && x < names.Count + patterns.Count))
                {
                    schema = _normalizer.Conj(schema, patterns[tag - names.Count].Schema);
                }
            }

            targets[t] = (prop, NodeFor(schema));
        }

        var before = new UInt128[names.Count];
        for (var i = 0; i < names.Count; i++)
        {
            before[i] = required & ((UInt128.One << i) - 1);
        }

        Tables.Objects[index] = new ObjectSpec
        {
            Names = [.. names], KeyString = keyString, KeyDfa = keyDfa, KeyTargets = targets, RequiredMask = required,
            RequiredBefore = before, AllowsOtherKeys = additional is not null || patterns.Count > 0,
            MinProperties = s.MinProperties, MaxProperties = s.MaxProperties, Forbidden = forbidden,
            Dependencies = [.. dependencies], Presence = presence,
        };
        return index;
    }

    private static KeyAutomata KeysFor(SchemaInfo s, List<string> names, List<(ByteDfa Dfa, SchemaInfo Schema)> patterns, bool additional, ByteDfa? filter)
    {
        try
        {
            return DfaCache.Keys(names, s.PatternProperties.Select(p => p.Pattern).ToList(), patterns.Select(p => p.Dfa).ToList(), additional, filter);
        }
        catch (RegexUnsupportedException ex)
        {
            throw new SchemaCompilationException(filter is not null ? "propertyNames" : s.PatternProperties.Count > 0 ? "patternProperties" : "properties", s.Pointer, ex.Message);
        }
    }

    private int KeyString(KeyAutomata automata, List<string> names, int patterns, bool additional, ByteDfa? filter)
    {
        var keyDfa = automata.Key;
        if (!_stringSpecs.TryGetValue((keyDfa.Id, -1, -1), out var keyString))
        {
            Tables.Strings.Add(new StringSpec
            {
                Dfa = keyDfa, IsKey = true, NamesDfa = automata.Names, NamesState = automata.NamesState, AnyState = automata.AnyState,
                AnyDfa = filter ?? DfaCache.AnyString,
                Reach = !additional && patterns == 0 && names.Count <= 64 ? automata.Reach : null,
                AllowEscapes = additional || patterns > 0 || names.Any(n => n.Any(c => c is '"' or '\\' or < ' ')),
            });
            keyString = _stringSpecs[(keyDfa.Id, -1, -1)] = Tables.Strings.Count - 1;
        }

        return keyString;
    }

    private SchemaInfo? ResolveOther(int[] tags, int nameCount, List<(ByteDfa Dfa, SchemaInfo Schema)> patterns, SchemaInfo? additional)
    {
        SchemaInfo? schema = null;
        var matchedPattern = false;
        foreach (var tag in tags)
        {
            if (tag >= nameCount && tag < nameCount + patterns.Count)
            {
                schema = matchedPattern ? _normalizer.Conj(schema, patterns[tag - nameCount].Schema) : patterns[tag - nameCount].Schema;
                matchedPattern = true;
            }
        }

        return matchedPattern ? schema : additional;
    }
}

using System.Text;
using HeteroAgents.Decoding.Regex;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Objects, arrays and numbers.</summary>
internal sealed partial class GrammarBuilder
{
    private const int MaxProperties = 128;

    private int BuildObject(SchemaInfo s)
    {
        var names = s.Properties.Select(p => p.Name).ToList();
        var schemas = s.Properties.Select(p => (SchemaInfo?)p.Schema).ToList();
        foreach (var r in s.Required)
        {
            if (!names.Contains(r))
            {
                names.Add(r);
                schemas.Add(null); // resolved through patternProperties / additionalProperties below
            }
        }

        if (names.Count > MaxProperties)
        {
            throw new SchemaCompilationException("properties", s.Pointer, $"more than {MaxProperties} properties");
        }

        var additional = s.AdditionalProperties is { } ap && _normalizer.Normalize(ap).IsFalse ? null : s.AdditionalProperties ?? _any;
        var patterns = new List<(RegexNode Node, SchemaInfo Schema)>();
        foreach (var (pattern, schema, pointer) in s.PatternProperties)
        {
            try
            {
                patterns.Add((RegexParser.ParseSearchPattern(pattern), schema));
            }
            catch (RegexUnsupportedException ex)
            {
                throw new SchemaCompilationException("patternProperties", pointer, $"pattern '{pattern}': {ex.Message}");
            }
        }

        KeyAutomata automata;
        try
        {
            automata = DfaCache.Keys(names, s.PatternProperties.Select(p => p.Pattern).ToList(), patterns.Select(p => p.Node).ToList(), additional is not null);
        }
        catch (RegexUnsupportedException ex)
        {
            throw new SchemaCompilationException(s.PatternProperties.Count > 0 ? "patternProperties" : "properties", s.Pointer, ex.Message);
        }
        var otherDfa = automata.Other;
        var required = UInt128.Zero;
        for (var i = 0; i < names.Count; i++)
        {
            var bytes = Encoding.UTF8.GetBytes(names[i]);
            if (schemas[i] is null)
            {
                var state = otherDfa.Run(bytes);
                if (state < 0 || !otherDfa.IsAccepting(state))
                {
                    return -1; // a required property is forbidden: no object can match
                }

                schemas[i] = ResolveOther(otherDfa.TagSets[otherDfa.Accept[state]], names.Count, patterns, additional);
            }

            if (s.Required.Contains(names[i]))
            {
                required |= UInt128.One << i;
            }
        }

        if (s.MaxProperties >= 0 && (s.MaxProperties < s.MinProperties || s.MaxProperties < s.Required.Count))
        {
            return -1;
        }

        var keyDfa = automata.Key;
        if (!_stringSpecs.TryGetValue((keyDfa.Id, -1, -1), out var keyString))
        {
            Tables.Strings.Add(new StringSpec
            {
                Dfa = keyDfa, IsKey = true, NamesDfa = automata.Names, NamesState = automata.NamesState, AnyState = automata.AnyState,
                Reach = additional is null && patterns.Count == 0 && names.Count <= 64 ? automata.Reach : null,
                AllowEscapes = additional is not null || patterns.Count > 0 || names.Any(n => n.Any(c => c is '"' or '\\' or < ' ')),
            });
            keyString = _stringSpecs[(keyDfa.Id, -1, -1)] = Tables.Strings.Count - 1;
        }
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
            MinProperties = s.MinProperties, MaxProperties = s.MaxProperties,
        };
        return index;
    }

    private SchemaInfo? ResolveOther(int[] tags, int nameCount, List<(RegexNode Node, SchemaInfo Schema)> patterns, SchemaInfo? additional)
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

    private int BuildArray(SchemaInfo s)
    {
        var itemsFalse = s.Items is { } it && _normalizer.Normalize(it).IsFalse;
        var maxItems = s.MaxItems;
        if (itemsFalse)
        {
            maxItems = maxItems < 0 ? s.PrefixItems.Count : Math.Min(maxItems, s.PrefixItems.Count);
        }

        if (maxItems >= 0 && maxItems < s.MinItems)
        {
            return -1;
        }

        var index = Tables.Arrays.Count;
        Tables.Arrays.Add(null!);
        var prefix = s.PrefixItems.Select(p => NodeFor(p)).ToArray();
        var items = itemsFalse ? -1 : NodeFor(s.Items);
        Tables.Arrays[index] = new ArraySpec { Prefix = prefix, Items = items, MinItems = s.MinItems, MaxItems = maxItems };
        return index;
    }

    private int BuildNumber(SchemaInfo s)
    {
        var integerOnly = (s.Types & JsonTypes.Number) == 0;
        if (s.MultipleOf is { } m && integerOnly && m != decimal.Truncate(m))
        {
            // An integer multiple of a fractional step: still exact in decimal arithmetic.
        }

        long intMin = long.MinValue, intMax = long.MaxValue;
        if (integerOnly)
        {
            if (s.Minimum is { } min)
            {
                var c = decimal.Ceiling(min);
                if (c == min && s.ExclusiveMinimum)
                {
                    c += 1;
                }

                intMin = c <= long.MinValue ? long.MinValue : c >= long.MaxValue ? long.MaxValue : (long)c;
            }

            if (s.Maximum is { } max)
            {
                var f = decimal.Floor(max);
                if (f == max && s.ExclusiveMaximum)
                {
                    f -= 1;
                }

                intMax = f <= long.MinValue ? long.MinValue : f >= long.MaxValue ? long.MaxValue : (long)f;
            }

            if (intMin > intMax)
            {
                return -1;
            }
        }

        var spec = new NumberSpec
        {
            IntegerOnly = integerOnly, Minimum = s.Minimum, Maximum = s.Maximum, ExclusiveMinimum = s.ExclusiveMinimum,
            ExclusiveMaximum = s.ExclusiveMaximum, MultipleOf = s.MultipleOf, IntMin = intMin, IntMax = intMax,
        };
        if (_numberSpecs.TryGetValue(spec, out var existing))
        {
            return existing;
        }

        Tables.Numbers.Add(spec);
        return _numberSpecs[spec] = Tables.Numbers.Count - 1;
    }
}

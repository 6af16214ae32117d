namespace HeteroAgents.Decoding.Schema;

/// <summary>Proofs that <c>oneOf</c> branches cannot both match one instance.</summary>
internal sealed partial class SchemaNormalizer
{
    /// <summary>
    /// The branches of a oneOf grouped into components of the "may overlap" relation: branches of different
    /// components are provably disjoint, so "exactly one" only needs checking inside each component.
    /// </summary>
    private List<List<SchemaInfo>> OverlapComponents(List<SchemaInfo> group)
    {
        var normalized = new List<SchemaInfo>();
        foreach (var b in group)
        {
            try
            {
                normalized.Add(Normalize(b));
            }
            catch (SchemaCompilationException)
            {
                return [group]; // e.g. a branch refers back to this schema: no proof
            }
        }

        var component = Enumerable.Range(0, group.Count).ToArray();
        int Find(int i) => component[i] == i ? i : component[i] = Find(component[i]);
        try
        {
            for (var i = 0; i < normalized.Count; i++)
            {
                for (var j = i + 1; j < normalized.Count; j++)
                {
                    if (Find(i) != Find(j) && !Disjoint(normalized[i], normalized[j]))
                    {
                        component[Find(i)] = Find(j);
                    }
                }
            }
        }
        catch (SchemaCompilationException)
        {
            return [group];
        }

        return [.. Enumerable.Range(0, group.Count).GroupBy(Find).Select(g => g.Select(i => group[i]).ToList())];
    }

    private static JsonTypes TypesOf(SchemaInfo s)
    {
        if (s.IsFalse)
        {
            return JsonTypes.None;
        }

        if (s.Enum is null)
        {
            return s.Types;
        }

        var t = JsonTypes.None;
        foreach (var v in s.Enum)
        {
            t |= v[0] switch
            {
                (byte)'"' => JsonTypes.String,
                (byte)'{' => JsonTypes.Object,
                (byte)'[' => JsonTypes.Array,
                (byte)'t' or (byte)'f' => JsonTypes.Boolean,
                (byte)'n' => JsonTypes.Null,
                _ => v.AsSpan().IndexOfAny(".eE"u8) >= 0 ? JsonTypes.Number | JsonTypes.Integer : JsonTypes.Integer,
            };
        }

        return t & s.Types;
    }

    private int _disjointDepth;

    private bool Disjoint(SchemaInfo x, SchemaInfo y)
    {
        if (_disjointDepth > 6)
        {
            return false;
        }

        _disjointDepth++;
        try
        {
            return DisjointCore(x, y);
        }
        finally
        {
            _disjointDepth--;
        }
    }

    private bool DisjointCore(SchemaInfo x, SchemaInfo y)
    {
        var overlap = TypesOf(x) & TypesOf(y);
        if (overlap == JsonTypes.None)
        {
            return true;
        }

        if (x.Enum is not null && y.Enum is not null)
        {
            return !x.Enum.Any(a => y.Enum.Any(b => JsonValues.Equal(a, b)));
        }

        return overlap == JsonTypes.Object && ObjectsDisjoint(x, y);
    }

    private bool ObjectsDisjoint(SchemaInfo x, SchemaInfo y) =>
        RequiresForbidden(x, y) || RequiresForbidden(y, x) || HasDiscriminator(x, y);

    /// <summary><paramref name="x"/> requires a property that <paramref name="y"/> forbids.</summary>
    private bool RequiresForbidden(SchemaInfo x, SchemaInfo y)
    {
        foreach (var name in x.Required)
        {
            // The value x's required name must have in y: if nothing can be both, no object matches both.
            if (ValueSchema(y, name) is { } py && (Normalize(py).MatchesNothing
                || (x.Properties.FirstOrDefault(p => p.Name == name).Schema is { } px && Disjoint(Normalize(px), Normalize(py)))))
            {
                return true;
            }
        }

        return y.Presence.Count > 0 && PresenceExcludes(y, x.Required);
    }

    /// <summary>The schema y gives a property's value (explicit, else its patterns, else additionalProperties); null when any value.</summary>
    private SchemaInfo? ValueSchema(SchemaInfo y, string name)
    {
        if (y.Properties.FirstOrDefault(p => p.Name == name).Schema is { } explicitSchema)
        {
            return explicitSchema;
        }

        SchemaInfo? matched = null;
        foreach (var (pattern, schema, _) in y.PatternProperties)
        {
            try
            {
                var dfa = Grammar.DfaCache.Pattern(pattern);
                var state = dfa.Run(System.Text.Encoding.UTF8.GetBytes(name));
                if (state >= 0 && dfa.IsAccepting(state))
                {
                    matched = Conj(matched, schema) ?? schema;
                }
            }
            catch (Regex.RegexUnsupportedException)
            {
                return null; // no proof
            }
        }

        return matched ?? y.AdditionalProperties;
    }

    /// <summary>Whether y's presence conditions are false whenever the names in <paramref name="present"/> are present.</summary>
    private bool PresenceExcludes(SchemaInfo y, IEnumerable<string> present)
    {
        var names = y.Presence.SelectMany(c => c.Leaves()).SelectMany(PresenceNames).Concat(present).Distinct(StringComparer.Ordinal).Take(128).ToList();
        Grammar.BoolExpr Atom(string n) => names.IndexOf(n) is var i && i >= 0 ? Grammar.BoolExpr.Of(i) : Grammar.BoolExpr.Or();
        var formula = Grammar.BoolExpr.And([.. y.Presence.Select(c => c.Map(leaf => PresenceFormula(leaf, Atom)))]);
        var known = UInt128.Zero;
        foreach (var n in present)
        {
            if (names.IndexOf(n) is var i and >= 0)
            {
                known |= UInt128.One << i;
            }
        }

        return formula.Evaluate3(known, ~known) < 0;
    }

    private bool HasDiscriminator(SchemaInfo x, SchemaInfo y)
    {
        foreach (var name in x.Required)
        {
            if (!y.Required.Contains(name))
            {
                continue;
            }

            var px = x.Properties.FirstOrDefault(p => p.Name == name).Schema;
            var py = y.Properties.FirstOrDefault(p => p.Name == name).Schema;
            if (px is not null && py is not null && Disjoint(Normalize(px), Normalize(py)))
            {
                return true;
            }
        }

        return false;
    }
}

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Flattens <c>$ref</c> and <c>allOf</c> into one schema by intersection, and keeps <c>anyOf</c> and provably
/// disjoint <c>oneOf</c> as disjunction groups. Everything that is not a plain intersection or union (<c>not</c>,
/// overlapping <c>oneOf</c>, <c>if</c>/<c>then</c>/<c>else</c>, <c>dependentSchemas</c>, and conjunctions of
/// subschemas that cannot be merged into one) becomes a <see cref="SchemaCond"/> check, evaluated exactly by a group.
/// </summary>
internal sealed partial class SchemaNormalizer
{
    private readonly Dictionary<int, SchemaInfo> _memo = [];
    private readonly HashSet<int> _inProgress = [];
    private readonly Dictionary<string, SchemaInfo> _conjunctions = new(StringComparer.Ordinal);

    public SchemaInfo Normalize(SchemaInfo s)
    {
        if (_memo.TryGetValue(s.Id, out var done))
        {
            return done;
        }

        if (!s.HasApplicators)
        {
            return _memo[s.Id] = s;
        }

        if (!_inProgress.Add(s.Id))
        {
            throw new SchemaCompilationException("$ref", s.Pointer, "circular reference that does not pass through an object or array");
        }

        try
        {
            var b = s.CopyBase();
            if (s.Ref is not null)
            {
                b = Merge(b, Normalize(s.Ref));
            }

            foreach (var a in s.AllOf)
            {
                b = Merge(b, Normalize(a));
            }

            foreach (var group in s.AnyOf)
            {
                b.Alternatives.Add(AnyOfAlternatives(group, s.Pointer));
            }

            foreach (var group in s.OneOf)
            {
                var components = group.Count == 1 ? [group] : OverlapComponents(group);
                if (components.Count == group.Count)
                {
                    b.Alternatives.Add(group); // pairwise disjoint: oneOf is anyOf
                }
                else if (AnnotationExact)
                {
                    b.Alternatives.Add(OneOfAlternatives(group, s.Pointer));
                }
                else if (components.Count == 1)
                {
                    b.Checks.Add(SchemaCond.ExactlyOne([.. group.Select(SchemaCond.Of)]));
                }
                else
                {
                    // Components are disjoint from each other: one alternative per component, checked inside it.
                    b.Alternatives.Add([.. components.Select(c => c.Count == 1 ? c[0] : ExactlyOneOf(c, s.Pointer))]);
                }
            }

            foreach (var n in s.Not)
            {
                // A plain complement where there is one (a not keeps no annotations, so not in annotation-exact mode).
                if (!AnnotationExact && Negate(n) is { } complement)
                {
                    b.Alternatives.Add(complement);
                }
                else
                {
                    b.Checks.Add(SchemaCond.Not(SchemaCond.Of(n)));
                }
            }

            if (s.If is { } condition && (s.Then is not null || s.Else is not null || AnnotationExact))
            {
                b.Alternatives.Add(ConditionAlternatives(condition, s.Then, s.Else, s.Pointer));
            }

            foreach (var (name, schema) in s.DependentSchemas)
            {
                if (AnnotationExact || s.DependentSchemas.Count <= 3)
                {
                    b.Alternatives.Add(DependencyAlternatives(name, schema, s.Pointer));
                }
                else
                {
                    var present = new SchemaInfo(s.Pointer) { Types = JsonTypes.Object };
                    present.Required.Add(name);
                    b.Checks.Add(SchemaCond.Or(SchemaCond.Not(SchemaCond.Of(present)), SchemaCond.Of(schema)));
                }
            }

            FoldPresence(b);
            if (s.UnevaluatedProperties is not null || s.UnevaluatedItems is not null)
            {
                b = ApplyUnevaluated(s, b);
            }

            return _memo[s.Id] = b;
        }
        finally
        {
            _inProgress.Remove(s.Id);
        }
    }

    /// <summary>A schema equal to the conjunction of <paramref name="x"/> and <paramref name="y"/> (null means any).</summary>
    public SchemaInfo? Conj(SchemaInfo? x, SchemaInfo? y)
    {
        if (x is null || ReferenceEquals(x, y))
        {
            return y;
        }

        if (y is null)
        {
            return x;
        }

        var parts = new SortedDictionary<int, SchemaInfo>();
        Flatten(x, parts);
        Flatten(y, parts);
        var key = string.Join(',', parts.Keys);
        if (_conjunctions.TryGetValue(key, out var c))
        {
            return c;
        }

        c = new SchemaInfo(x.Pointer);
        c.AllOf.AddRange(parts.Values);
        _conjunctions[key] = c;
        _conjunctionKeys[c.Id] = parts;
        return c;
    }

    private readonly Dictionary<int, SortedDictionary<int, SchemaInfo>> _conjunctionKeys = [];

    private void Flatten(SchemaInfo s, SortedDictionary<int, SchemaInfo> into)
    {
        if (_conjunctionKeys.TryGetValue(s.Id, out var parts))
        {
            foreach (var (k, v) in parts)
            {
                into[k] = v;
            }
        }
        else
        {
            into[s.Id] = s;
        }
    }

    /// <summary>
    /// Intersects two normalized schemas. Where one schema cannot express both (objects that both use
    /// <c>patternProperties</c>, unrelated <c>multipleOf</c> values, more than two <c>contains</c>), <paramref name="b"/> is kept
    /// whole as a check instead.
    /// </summary>
    public SchemaInfo Merge(SchemaInfo a, SchemaInfo b)
    {
        var r = a.CopyBase();
        r.Alternatives.AddRange(a.Alternatives);
        r.Checks.AddRange(a.Checks);
        if (!Mergeable(a, b))
        {
            if (AnnotationExact)
            {
                throw new SchemaCompilationException("unevaluatedProperties", b.Pointer,
                    "with unevaluatedProperties/unevaluatedItems in the schema, subschemas that both use patternProperties, both use contains, or have unrelated multipleOf values cannot be combined");
            }

            r.Checks.Add(SchemaCond.Of(b));
            return r;
        }

        r.Alternatives.AddRange(b.Alternatives);
        r.Checks.AddRange(b.Checks);
        r.IsFalse |= b.IsFalse;
        r.Types &= b.Types;
        if (b.Enum is not null)
        {
            r.Enum = r.Enum is null ? b.Enum : r.Enum.Where(x => b.Enum.Any(y => JsonValues.Equal(x, y))).ToList();
            r.EnumPointer = b.EnumPointer;
        }

        r.NotMultipleOf.AddRange(b.NotMultipleOf);
        r.NotValues.AddRange(b.NotValues);
        r.MinLength = Math.Max(r.MinLength, b.MinLength);
        r.MaxLength = MinLimit(r.MaxLength, b.MaxLength);
        r.Patterns.AddRange(b.Patterns);
        if (b.Minimum is { } bmin && (r.Minimum is null || bmin > r.Minimum || (bmin == r.Minimum && b.ExclusiveMinimum)))
        {
            (r.Minimum, r.ExclusiveMinimum) = (bmin, b.ExclusiveMinimum);
        }

        if (b.Maximum is { } bmax && (r.Maximum is null || bmax < r.Maximum || (bmax == r.Maximum && b.ExclusiveMaximum)))
        {
            (r.Maximum, r.ExclusiveMaximum) = (bmax, b.ExclusiveMaximum);
        }

        if (b.MultipleOf is { } bm)
        {
            r.MultipleOf = r.MultipleOf is { } rm && rm != bm ? LeastCommonMultiple(rm, bm) : bm;
        }

        MergeObjects(a, b, r);
        MergeArrays(a, b, r);
        return r;
    }

    private static SchemaInfo ExactlyOneOf(List<SchemaInfo> members, string pointer)
    {
        var c = new SchemaInfo(pointer);
        c.OneOf.Add(members);
        return c;
    }

    /// <summary>
    /// The least common multiple of two positive decimals (a multiple of both is a multiple of it), exact: both are
    /// scaled to integers, their integer lcm scaled back. Null when it does not fit a decimal.
    /// </summary>
    private static decimal? LeastCommonMultiple(decimal a, decimal b)
    {
        var scale = Math.Max(a.Scale, b.Scale);
        var factor = System.Numerics.BigInteger.Pow(10, scale);
        var x = Runtime.ExactNumber.From(a).Mantissa * System.Numerics.BigInteger.Pow(10, scale - a.Scale);
        var y = Runtime.ExactNumber.From(b).Mantissa * System.Numerics.BigInteger.Pow(10, scale - b.Scale);
        var lcm = x / System.Numerics.BigInteger.GreatestCommonDivisor(x, y) * y;
        return lcm <= new System.Numerics.BigInteger(decimal.MaxValue)
            && decimal.TryParse(lcm.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var integer)
            ? integer / (decimal)factor : null;
    }

    private static int MinLimit(int x, int y) => x < 0 ? y : y < 0 ? x : Math.Min(x, y);

    private static bool Mergeable(SchemaInfo a, SchemaInfo b)
    {
        if (a.MultipleOf is { } am && b.MultipleOf is { } bm && LeastCommonMultiple(am, bm) is null)
        {
            return false;
        }

        if (a.Contains.Count + b.Contains.Count > 2)
        {
            return false;
        }

        return !(a.HasObjectConstraints && b.HasObjectConstraints && (a.PatternProperties.Count > 0 || b.PatternProperties.Count > 0));
    }

    private void MergeObjects(SchemaInfo a, SchemaInfo b, SchemaInfo r)
    {
        if (!b.HasObjectConstraints)
        {
            return;
        }

        if (!a.HasObjectConstraints)
        {
            r.Properties.AddRange(b.Properties);
            r.Required.UnionWith(b.Required);
            r.AdditionalProperties = b.AdditionalProperties;
            r.PatternProperties.AddRange(b.PatternProperties);
            r.MinProperties = b.MinProperties;
            r.MaxProperties = b.MaxProperties;
            r.PropertyNames = b.PropertyNames;
            r.DependentRequired.AddRange(b.DependentRequired);
            r.Presence.AddRange(b.Presence);
            return;
        }

        r.Properties.Clear();
        var names = a.Properties.Select(p => p.Name).Concat(b.Properties.Select(p => p.Name)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var sa = a.Properties.FirstOrDefault(p => p.Name == name).Schema ?? a.AdditionalProperties;
            var sb = b.Properties.FirstOrDefault(p => p.Name == name).Schema ?? b.AdditionalProperties;
            r.Properties.Add((name, Conj(sa, sb) ?? new SchemaInfo(a.Pointer)));
        }

        r.AdditionalProperties = Conj(a.AdditionalProperties, b.AdditionalProperties);
        r.Required.UnionWith(b.Required);
        r.MinProperties = Math.Max(a.MinProperties, b.MinProperties);
        r.MaxProperties = MinLimit(a.MaxProperties, b.MaxProperties);
        r.PropertyNames = Conj(a.PropertyNames, b.PropertyNames);
        r.DependentRequired.AddRange(b.DependentRequired);
        r.Presence.AddRange(b.Presence);
    }

    private void MergeArrays(SchemaInfo a, SchemaInfo b, SchemaInfo r)
    {
        r.PrefixItems.Clear();
        var n = Math.Max(a.PrefixItems.Count, b.PrefixItems.Count);
        for (var i = 0; i < n; i++)
        {
            var sa = i < a.PrefixItems.Count ? a.PrefixItems[i] : a.Items;
            var sb = i < b.PrefixItems.Count ? b.PrefixItems[i] : b.Items;
            r.PrefixItems.Add(Conj(sa, sb) ?? new SchemaInfo(a.Pointer));
        }

        r.Items = Conj(a.Items, b.Items);
        r.MinItems = Math.Max(a.MinItems, b.MinItems);
        r.MaxItems = MinLimit(a.MaxItems, b.MaxItems);
        r.UniqueItems |= b.UniqueItems;
        r.Contains.AddRange(b.Contains);
    }
}

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Flattens <c>$ref</c> and <c>allOf</c> into one schema by intersection, and keeps <c>anyOf</c>/<c>oneOf</c> as
/// disjunction groups. <c>oneOf</c> is accepted only when its branches are provably disjoint (then it equals anyOf).
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

        if (s.Ref is null && s.AllOf.Count == 0 && s.AnyOf.Count == 0 && s.OneOf.Count == 0)
        {
            return _memo[s.Id] = s;
        }

        if (!_inProgress.Add(s.Id))
        {
            throw new SchemaCompilationException("$ref", s.Pointer, "circular reference that does not pass through an object or array");
        }

        var b = s.CopyBase();
        if (s.Ref is not null)
        {
            b = Merge(b, Normalize(s.Ref));
        }

        foreach (var a in s.AllOf)
        {
            b = Merge(b, Normalize(a));
        }

        b.Alternatives.AddRange(s.AnyOf);
        foreach (var group in s.OneOf)
        {
            CheckDisjoint(group, s.Pointer);
            b.Alternatives.Add(group);
        }

        _inProgress.Remove(s.Id);
        return _memo[s.Id] = b;
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

    /// <summary>Intersects two normalized schemas.</summary>
    public SchemaInfo Merge(SchemaInfo a, SchemaInfo b)
    {
        var r = a.CopyBase();
        r.Alternatives.AddRange(a.Alternatives);
        r.Alternatives.AddRange(b.Alternatives);
        r.IsFalse |= b.IsFalse;
        r.Types &= b.Types;
        if (b.Enum is not null)
        {
            r.Enum = r.Enum is null ? b.Enum : r.Enum.Where(x => b.Enum.Any(y => y.AsSpan().SequenceEqual(x))).ToList();
            r.EnumPointer = b.EnumPointer;
        }

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
            if (r.MultipleOf is { } rm && rm != bm)
            {
                r.MultipleOf = rm % bm == 0 ? rm : bm % rm == 0 ? bm
                    : throw new SchemaCompilationException("multipleOf", b.Pointer, "cannot intersect two unrelated multipleOf values");
            }
            else
            {
                r.MultipleOf = bm;
            }
        }

        MergeObjects(a, b, r);
        MergeArrays(a, b, r);
        return r;
    }

    private static int MinLimit(int x, int y) => x < 0 ? y : y < 0 ? x : Math.Min(x, y);

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
            return;
        }

        if (a.PatternProperties.Count > 0 || b.PatternProperties.Count > 0)
        {
            throw new SchemaCompilationException("patternProperties", b.Pointer, "intersecting objects that use patternProperties is not supported");
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
    }
}

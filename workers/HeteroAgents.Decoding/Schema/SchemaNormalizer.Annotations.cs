namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Alternatives, and the annotation-exact forms that <c>unevaluatedProperties</c>/<c>unevaluatedItems</c> need: a
/// property or item is evaluated when a successful subschema names, matches or covers it, so the in-place applicators
/// are expanded into alternatives that each stand for one set of successful subschemas (anyOf: every non-empty subset
/// of its branches; oneOf: one branch and not the others; if/then/else and dependentSchemas: one alternative per
/// outcome). Each merged alternative then names exactly what its successful subschemas evaluate, and
/// <c>unevaluated*</c> becomes its <c>additionalProperties</c>/<c>items</c> where that keyword is absent. An
/// alternative may be stricter than the schema (a subset of the successful branches), never looser, and the one for
/// the actual set of successful branches is exact.
/// </summary>
internal sealed partial class SchemaNormalizer
{
    private const int MaxAlternatives = 64;
    private const int MaxSubsetBranches = 5;
    private const int MaxKeptAlternatives = 8;

    /// <summary>Set when the document uses <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>.</summary>
    public bool AnnotationExact { get; init; }

    /// <summary>The alternatives of a normalized schema, each merged into one leaf (conjunctions of one member per group).</summary>
    public List<SchemaInfo> Expand(SchemaInfo n, string pointer) => Expand(n, pointer, 0);

    private List<SchemaInfo> Expand(SchemaInfo n, string pointer, int depth)
    {
        if (n.Alternatives.Count == 0)
        {
            return [n];
        }

        if (depth > MaxAlternatives)
        {
            throw new SchemaCompilationException("$ref", pointer, "the schema refers to itself at the same value through anyOf/oneOf (no object or array in between)");
        }


        var rest = n.CopyBase();
        rest.Alternatives.AddRange(n.Alternatives.Skip(1));
        rest.Checks.AddRange(n.Checks);
        var result = new List<SchemaInfo>();
        foreach (var member in n.Alternatives[0])
        {
            var merged = Merge(rest, Normalize(member));
            if (merged.IsFalse)
            {
                continue;
            }

            result.AddRange(Expand(merged, pointer, depth + 1));
            if (result.Count > MaxAlternatives)
            {
                throw new SchemaCompilationException("anyOf", pointer, $"more than {MaxAlternatives} alternatives after expanding anyOf/oneOf");
            }
        }

        return result;
    }

    /// <summary>
    /// When the alternatives would combine into more than <see cref="MaxAlternatives"/> leaves, all but a few of the
    /// smallest groups become checks (each a disjunction, evaluated by one group node): exact, and one thread set per
    /// member instead of one thread per combination. Not in annotation-exact mode (a check keeps no annotations).
    /// </summary>
    public SchemaInfo LimitAlternatives(SchemaInfo n)
    {
        if (AnnotationExact || Product(n.Alternatives) <= MaxAlternatives)
        {
            return n;
        }

        var limited = n.CopyBase();
        limited.Checks.AddRange(n.Checks);
        foreach (var g in n.Alternatives.OrderBy(g => g.Count))
        {
            if (Product([.. limited.Alternatives, g]) <= MaxKeptAlternatives)
            {
                limited.Alternatives.Add(g);
            }
            else
            {
                limited.Checks.Add(SchemaCond.Or([.. g.Select(SchemaCond.Of)]));
            }
        }

        return limited;
    }

    private static long Product(List<List<SchemaInfo>> groups)
    {
        var p = 1L;
        foreach (var g in groups)
        {
            p = Math.Min(p * Math.Max(1, g.Count), long.MaxValue / 1024);
        }

        return p;
    }

    /// <summary>anyOf: its branches, or in annotation-exact mode every non-empty subset of them as a conjunction.</summary>
    private List<SchemaInfo> AnyOfAlternatives(List<SchemaInfo> branches, string pointer)
    {
        if (!AnnotationExact || branches.Count == 1)
        {
            return branches;
        }

        if (branches.Count > MaxSubsetBranches)
        {
            throw new SchemaCompilationException("anyOf", pointer, $"with unevaluatedProperties/unevaluatedItems in the schema, anyOf is supported with at most {MaxSubsetBranches} branches");
        }

        var subsets = new List<SchemaInfo>();
        for (var mask = 1; mask < 1 << branches.Count; mask++)
        {
            var parts = Enumerable.Range(0, branches.Count).Where(i => (mask >> i & 1) != 0).Select(i => branches[i]).ToList();
            if (parts.Count == 1)
            {
                subsets.Add(parts[0]);
                continue;
            }

            var c = new SchemaInfo(pointer);
            c.AllOf.AddRange(parts);
            subsets.Add(c);
        }

        return subsets;
    }

    /// <summary>Overlapping oneOf as alternatives: branch i and none of the others (annotation-exact).</summary>
    private static List<SchemaInfo> OneOfAlternatives(List<SchemaInfo> branches, string pointer)
    {
        var result = new List<SchemaInfo>();
        for (var i = 0; i < branches.Count; i++)
        {
            var c = new SchemaInfo(pointer);
            c.AllOf.Add(branches[i]);
            c.Not.AddRange(branches.Where((_, j) => j != i));
            result.Add(c);
        }

        return result;
    }

    /// <summary>if/then/else as two alternatives: if and then, or else and not if.</summary>
    private static List<SchemaInfo> ConditionAlternatives(SchemaInfo condition, SchemaInfo? then, SchemaInfo? otherwise, string pointer)
    {
        var yes = new SchemaInfo(pointer);
        yes.AllOf.Add(condition);
        if (then is not null)
        {
            yes.AllOf.Add(then);
        }

        var no = new SchemaInfo(pointer);
        no.Not.Add(condition);
        if (otherwise is not null)
        {
            no.AllOf.Add(otherwise);
        }

        return [yes, no];
    }

    /// <summary>dependentSchemas as two alternatives: the property is absent, or present and the schema holds.</summary>
    private static List<SchemaInfo> DependencyAlternatives(string name, SchemaInfo schema, string pointer)
    {
        var absent = new SchemaInfo(pointer);
        absent.Properties.Add((name, SchemaInfo.False(pointer)));
        var present = new SchemaInfo(pointer);
        present.Required.Add(name);
        present.AllOf.Add(schema);
        return [absent, present];
    }

    /// <summary>Folds unevaluatedProperties/unevaluatedItems into each alternative of <paramref name="b"/>.</summary>
    private SchemaInfo ApplyUnevaluated(SchemaInfo s, SchemaInfo b)
    {
        var leaves = new List<SchemaInfo>();
        foreach (var leaf in Expand(b, s.Pointer))
        {
            var l = leaf.CopyBase();
            l.Checks.AddRange(leaf.Checks);
            if (s.UnevaluatedProperties is { } up && l.AdditionalProperties is null)
            {
                l.AdditionalProperties = up;
            }

            if (s.UnevaluatedItems is { } ui && l.Items is null)
            {
                if (l.Contains.Count > 0)
                {
                    var either = new SchemaInfo(s.Pointer);
                    either.AnyOf.Add([ui, .. l.Contains.Select(c => c.Schema)]);
                    l.Items = either;
                }
                else
                {
                    l.Items = ui;
                }
            }

            leaves.Add(l);
        }

        if (leaves.Count == 1)
        {
            return leaves[0];
        }

        var result = new SchemaInfo(s.Pointer);
        if (leaves.Count == 0)
        {
            result.IsFalse = true;
            result.Types = JsonTypes.None;
        }
        else
        {
            result.Alternatives.Add(leaves);
        }

        return result;
    }
}

using HeteroAgents.Decoding.Grammar;

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Presence predicates: subschemas that only say which property names an object has (<c>required</c>, properties
/// that are <c>false</c> or anything, <c>dependentRequired</c>, and boolean combinations of such subschemas). The
/// idioms "<c>dependencies: {a: {not: {required: [b]}}}</c>", "<c>oneOf</c> of <c>required</c> sets" or
/// "<c>if: {required: [x]}</c>" are all of this kind. Conditions over them are folded into a formula over the object's
/// seen-property bits (exact, checked as keys arrive and when the object closes) instead of parse threads; for
/// values that are not objects each predicate is a constant, which only narrows the schema's types.
/// </summary>
internal sealed partial class SchemaNormalizer
{
    private static readonly JsonTypes[] s_otherTypes = [JsonTypes.Null, JsonTypes.Boolean, JsonTypes.Array, JsonTypes.String, JsonTypes.Number, JsonTypes.Integer];

    private readonly Dictionary<int, bool> _presence = [];

    /// <summary>Moves alternatives groups and checks made only of presence predicates into <see cref="SchemaInfo.Presence"/>.</summary>
    private void FoldPresence(SchemaInfo b)
    {
        if (AnnotationExact)
        {
            return; // a presence predicate's properties keyword still evaluates (annotates) names
        }

        for (var i = b.Alternatives.Count - 1; i >= 0; i--)
        {
            if (b.Alternatives[i].All(IsPresence))
            {
                b.Presence.Add(SchemaCond.Or([.. b.Alternatives[i].Select(SchemaCond.Of)]));
                b.Alternatives.RemoveAt(i);
            }
        }

        for (var i = b.Checks.Count - 1; i >= 0; i--)
        {
            if (b.Checks[i].Leaves().All(IsPresence))
            {
                b.Presence.Add(b.Checks[i]);
                b.Checks.RemoveAt(i);
            }
        }

        foreach (var t in s_otherTypes)
        {
            if ((b.Types & t) != 0 && !b.Presence.All(c => c.Evaluate(leaf => HoldsForType(leaf, t))))
            {
                b.Types &= ~t;
            }
        }
    }

    /// <summary>Whether <paramref name="raw"/> only constrains which property names an object has.</summary>
    public bool IsPresence(SchemaInfo raw)
    {
        if (_presence.TryGetValue(raw.Id, out var known))
        {
            return known;
        }

        _presence[raw.Id] = false; // a predicate that refers to itself is not one
        bool result;
        try
        {
            var n = Normalize(raw);
            result = n.IsFalse || (n.Enum is null && n.Patterns.Count == 0 && n.MinLength == 0 && n.MaxLength < 0
                && n.Minimum is null && n.Maximum is null && n.MultipleOf is null && n.NotMultipleOf.Count == 0 && n.NotValues.Count == 0 && n.PrefixItems.Count == 0 && n.Items is null
                && n.MinItems == 0 && n.MaxItems < 0 && !n.UniqueItems && n.Contains.Count == 0 && n.PatternProperties.Count == 0
                && n.AdditionalProperties is null && n.PropertyNames is null && n.MinProperties == 0 && n.MaxProperties < 0
                && n.Properties.All(p => Normalize(p.Schema) is var ps && (ps.MatchesAnything || ps.MatchesNothing))
                && n.Alternatives.All(g => g.All(IsPresence)) && n.Checks.All(c => c.Leaves().All(IsPresence)));
        }
        catch (SchemaCompilationException)
        {
            result = false;
        }

        return _presence[raw.Id] = result;
    }

    /// <summary>The value of presence predicate <paramref name="raw"/> for a value of non-object type <paramref name="t"/>.</summary>
    private bool HoldsForType(SchemaInfo raw, JsonTypes t)
    {
        var n = Normalize(raw);
        return !n.IsFalse && (n.Types & t) != 0
            && n.Alternatives.All(g => g.Any(m => HoldsForType(m, t)))
            && n.Checks.All(c => c.Evaluate(leaf => HoldsForType(leaf, t)))
            && n.Presence.All(c => c.Evaluate(leaf => HoldsForType(leaf, t)));
    }

    /// <summary>The names presence predicate <paramref name="raw"/> mentions.</summary>
    public IEnumerable<string> PresenceNames(SchemaInfo raw)
    {
        var n = Normalize(raw);
        return n.Required
            .Concat(n.Properties.Select(p => p.Name))
            .Concat(n.DependentRequired.SelectMany(d => d.Required.Prepend(d.Name)))
            .Concat(n.Alternatives.SelectMany(g => g.SelectMany(PresenceNames)))
            .Concat(n.Checks.Concat(n.Presence).SelectMany(c => c.Leaves()).SelectMany(PresenceNames));
    }

    /// <summary>The formula of presence predicate <paramref name="raw"/> for objects, over <paramref name="atom"/> (a name's presence).</summary>
    public BoolExpr PresenceFormula(SchemaInfo raw, Func<string, BoolExpr> atom)
    {
        var n = Normalize(raw);
        if (n.IsFalse || (n.Types & JsonTypes.Object) == 0)
        {
            return BoolExpr.Or();
        }

        var parts = new List<BoolExpr>();
        parts.AddRange(n.Required.Select(atom));
        parts.AddRange(n.Properties.Where(p => Normalize(p.Schema).MatchesNothing).Select(p => BoolExpr.Not(atom(p.Name))));
        parts.AddRange(n.DependentRequired.Select(d => BoolExpr.Or(BoolExpr.Not(atom(d.Name)), BoolExpr.And([.. d.Required.Select(atom)]))));
        parts.AddRange(n.Alternatives.Select(g => BoolExpr.Or([.. g.Select(m => PresenceFormula(m, atom))])));
        parts.AddRange(n.Checks.Concat(n.Presence).Select(c => c.Map(leaf => PresenceFormula(leaf, atom))));
        return BoolExpr.And([.. parts]);
    }
}

using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Arrays and numbers.</summary>
internal sealed partial class GrammarBuilder
{
    private readonly Dictionary<(int, int), int> _countedNodes = [];

    private int BuildArray(SchemaInfo s)
    {
        var itemsFalse = s.Items is { } it && IsNothing(_normalizer.Normalize(it));
        var maxItems = s.MaxItems;
        var minItems = s.MinItems;
        if (itemsFalse)
        {
            maxItems = maxItems < 0 ? s.PrefixItems.Count : Math.Min(maxItems, s.PrefixItems.Count);
        }

        // contains: an "any" schema only bounds the length, "nothing" only allows zero matches.
        var contains = s.Contains is { } c ? _normalizer.Normalize(c) : null;
        var (minContains, maxContains) = (s.MinContains, s.MaxContains);
        if (contains is not null && IsAny(contains))
        {
            minItems = Math.Max(minItems, minContains);
            maxItems = maxContains < 0 ? maxItems : maxItems < 0 ? maxContains : Math.Min(maxItems, maxContains);
            contains = null;
        }
        else if (contains is not null && IsNothing(contains))
        {
            if (minContains > 0)
            {
                return -1;
            }

            contains = null;
        }
        else if (contains is not null && minContains == 0 && maxContains < 0)
        {
            contains = null;
        }

        if ((maxItems >= 0 && maxItems < minItems) || (contains is not null && maxContains >= 0 && maxContains < minContains))
        {
            return -1;
        }

        var index = Tables.Arrays.Count;
        Tables.Arrays.Add(null!);
        var containsNode = contains is null ? -1 : NodeFor(s.Contains);
        var prefix = s.PrefixItems.Select(p => Counted(NodeFor(p), containsNode)).ToArray();
        var items = itemsFalse ? -1 : Counted(NodeFor(s.Items), containsNode);
        Tables.Arrays[index] = new ArraySpec
        {
            Prefix = prefix, Items = items, MinItems = minItems, MaxItems = maxItems, UniqueItems = s.UniqueItems,
            MinContains = contains is null ? 0 : minContains, MaxContains = contains is null ? -1 : maxContains,
        };
        return index;
    }

    /// <summary>An item node that also reports whether the item matches <c>contains</c> (a two-member group).</summary>
    private int Counted(int item, int containsNode)
    {
        if (containsNode < 0)
        {
            return item;
        }

        if (_countedNodes.TryGetValue((item, containsNode), out var existing))
        {
            return existing;
        }

        var id = NewNode();
        Tables.Nodes[id].Group = Tables.Groups.Count;
        Tables.Groups.Add(new GroupSpec { Members = [item, containsNode], Formula = BoolExpr.True, ReportMember = 1 });
        return _countedNodes[(item, containsNode)] = id;
    }

    /// <summary>A normalized schema that every value matches.</summary>
    private static bool IsAny(SchemaInfo n) =>
        !n.IsFalse && n.Types == JsonTypes.All && n.Enum is null && n.Patterns.Count == 0 && n.MinLength == 0 && n.MaxLength < 0
        && n.Minimum is null && n.Maximum is null && n.MultipleOf is null && !n.HasObjectConstraints && n.PrefixItems.Count == 0
        && n.Items is null && n.MinItems == 0 && n.MaxItems < 0 && !n.UniqueItems && n.Contains is null
        && n.Alternatives.Count == 0 && n.Checks.Count == 0;

    /// <summary>A normalized schema that no value matches (as far as a glance tells).</summary>
    private static bool IsNothing(SchemaInfo n) => n.IsFalse || n.Types == JsonTypes.None || n.Enum is { Count: 0 };

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

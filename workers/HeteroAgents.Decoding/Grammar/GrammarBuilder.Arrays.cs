using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>Arrays and numbers.</summary>
internal sealed partial class GrammarBuilder
{
    private readonly Dictionary<(int, int, int), int> _countedNodes = [];

    private int BuildArray(SchemaInfo s)
    {
        var itemsFalse = s.Items is { } it && _normalizer.Normalize(it).MatchesNothing;
        var maxItems = s.MaxItems;
        var minItems = s.MinItems;
        if (itemsFalse)
        {
            maxItems = maxItems < 0 ? s.PrefixItems.Count : Math.Min(maxItems, s.PrefixItems.Count);
        }

        // contains: an "any" schema only bounds the length, "nothing" only allows zero matches.
        var counted = new List<(SchemaInfo Schema, int Min, int Max)>();
        foreach (var (schema, minContains, maxContains) in s.Contains)
        {
            var contains = _normalizer.Normalize(schema);
            if (maxContains >= 0 && maxContains < minContains)
            {
                return -1;
            }

            if (contains.MatchesAnything)
            {
                minItems = Math.Max(minItems, minContains);
                maxItems = maxContains < 0 ? maxItems : maxItems < 0 ? maxContains : Math.Min(maxItems, maxContains);
            }
            else if (contains.MatchesNothing)
            {
                if (minContains > 0)
                {
                    return -1;
                }
            }
            else if (minContains > 0 || maxContains >= 0)
            {
                counted.Add((schema, minContains, maxContains));
            }
        }

        if (maxItems >= 0 && maxItems < minItems)
        {
            return -1;
        }

        var index = Tables.Arrays.Count;
        Tables.Arrays.Add(null!);
        var containsNodes = counted.Select(c => NodeFor(c.Schema)).ToArray();
        var prefix = s.PrefixItems.Select(p => Counted(NodeFor(p), containsNodes)).ToArray();
        var items = itemsFalse ? -1 : Counted(NodeFor(s.Items), containsNodes);
        Tables.Arrays[index] = new ArraySpec
        {
            Prefix = prefix, Items = items, MinItems = minItems, MaxItems = maxItems, UniqueItems = s.UniqueItems,
            Contains = [.. counted.Select(c => (c.Min, c.Max))],
        };
        return index;
    }

    /// <summary>An item node that also reports which <c>contains</c> schemas the item matches (a group).</summary>
    private int Counted(int item, int[] containsNodes)
    {
        if (containsNodes.Length == 0)
        {
            return item;
        }

        var key = (item, containsNodes[0], containsNodes.Length > 1 ? containsNodes[1] : -1);
        if (_countedNodes.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var id = NewNode();
        Tables.Nodes[id].Group = Tables.Groups.Count;
        Tables.Groups.Add(new GroupSpec { Members = [item, .. containsNodes], Formula = BoolExpr.True, Reports = [.. Enumerable.Range(1, containsNodes.Length)] });
        return _countedNodes[key] = id;
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
            IntegerOnly = integerOnly, NonInteger = (s.Types & JsonTypes.Integer) == 0, NotMultipleOf = s.NotMultipleOf.Count == 0 ? [] : [.. s.NotMultipleOf], NotValues = s.NotValues.Count == 0 ? [] : [.. s.NotValues], Minimum = s.Minimum, Maximum = s.Maximum, ExclusiveMinimum = s.ExclusiveMinimum,
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

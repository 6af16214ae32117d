namespace HeteroAgents.Decoding.Schema;

/// <summary>Proofs that <c>oneOf</c> branches cannot both match one instance.</summary>
internal sealed partial class SchemaNormalizer
{
    /// <summary>Whether no value can match two of the branches (then oneOf is anyOf).</summary>
    private bool AllDisjoint(List<SchemaInfo> group)
    {
        var normalized = group.Select(Normalize).ToList();
        for (var i = 0; i < normalized.Count; i++)
        {
            for (var j = i + 1; j < normalized.Count; j++)
            {
                if (!Disjoint(normalized[i], normalized[j]))
                {
                    return false;
                }
            }
        }

        return true;
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
            var py = y.Properties.FirstOrDefault(p => p.Name == name).Schema;
            if (py is not null)
            {
                if (Normalize(py).IsFalse)
                {
                    return true;
                }
            }
            else if (y.PatternProperties.Count == 0 && y.AdditionalProperties is { } ap && Normalize(ap).IsFalse)
            {
                return true;
            }
        }

        return false;
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

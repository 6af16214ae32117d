using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// <c>not</c> pushed down where the complement has a plain form: the union of the other types and, per admitted type,
/// each way to violate one of the schema's assertions (a pattern through its automaton's complement, a length, a bound,
/// a missing required name, a property whose value is not valid, ...). Exact, and it lets the usual masks prune at
/// every byte. Where no plain form exists (additionalProperties, patternProperties, propertyNames, uniqueItems,
/// object or array constants, checks), the caller keeps the <c>not</c> as a group check.
/// </summary>
internal sealed partial class SchemaNormalizer
{
    private const int MaxNegatedAlternatives = 16;

    /// <summary>Alternatives whose union is the complement of <paramref name="raw"/>, or null when there is no plain form.</summary>
    public List<SchemaInfo>? Negate(SchemaInfo raw)
    {
        SchemaInfo n;
        try
        {
            n = Normalize(raw);
        }
        catch (SchemaCompilationException)
        {
            return null;
        }

        if (n.IsFalse || n.Types == JsonTypes.None)
        {
            return [new SchemaInfo(raw.Pointer)];
        }

        if (n.Checks.Count > 0)
        {
            return null;
        }

        var result = NegateLeaf(n);
        foreach (var group in n.Alternatives)
        {
            // not (A or B) = not A and not B: the product of the members' complements.
            List<SchemaInfo> product = [new SchemaInfo(raw.Pointer)];
            foreach (var member in group)
            {
                if (Negate(member) is not { } negated || product.Count * negated.Count > MaxNegatedAlternatives)
                {
                    return null;
                }

                product = [.. product.SelectMany(p => negated.Select(q => Both(p, q, raw.Pointer)))];
            }

            result?.AddRange(product);
        }

        return result is null || result.Count > MaxNegatedAlternatives ? null : result;
    }

    private static SchemaInfo Both(SchemaInfo a, SchemaInfo b, string pointer)
    {
        var c = new SchemaInfo(pointer);
        c.AllOf.Add(a);
        c.AllOf.Add(b);
        return c;
    }

    private static SchemaInfo Of(JsonTypes types, string pointer) => new(pointer) { Types = types };

    private static SchemaInfo NotOf(SchemaInfo s)
    {
        var c = new SchemaInfo(s.Pointer);
        c.Not.Add(s);
        return c;
    }

    /// <summary>The complement of a schema's own assertions (its alternatives are negated by the caller).</summary>
    private List<SchemaInfo>? NegateLeaf(SchemaInfo n)
    {
        var p = n.Pointer;
        var result = new List<SchemaInfo>();
        if ((JsonTypes.All & ~n.Types) is var others and not JsonTypes.None)
        {
            result.Add(Of(others, p));
        }

        if (n.Enum is not null)
        {
            if (NegateEnum(n) is not { } outside)
            {
                return null;
            }

            result.AddRange(outside);
        }

        return NegateStrings(n, result) && NegateNumbers(n, result) && NegateObjects(n, result) && NegateArrays(n, result) ? result : null;
    }

    private static bool NegateStrings(SchemaInfo n, List<SchemaInfo> result)
    {
        if ((n.Types & JsonTypes.String) == 0)
        {
            return true;
        }

        foreach (var (pattern, keyword, pointer, negated) in n.Patterns)
        {
            var s = Of(JsonTypes.String, n.Pointer);
            s.Patterns.Add((pattern, keyword, pointer, !negated));
            result.Add(s);
        }

        if (n.MinLength > 0)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = JsonTypes.String, MaxLength = n.MinLength - 1 });
        }

        if (n.MaxLength >= 0)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = JsonTypes.String, MinLength = n.MaxLength + 1 });
        }

        return true;
    }

    private static bool NegateNumbers(SchemaInfo n, List<SchemaInfo> result)
    {
        var numeric = n.Types & (JsonTypes.Number | JsonTypes.Integer);
        if (numeric == JsonTypes.None)
        {
            return true;
        }

        if (n.Minimum is { } min)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = numeric, Maximum = min, ExclusiveMaximum = !n.ExclusiveMinimum });
        }

        if (n.Maximum is { } max)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = numeric, Minimum = max, ExclusiveMinimum = !n.ExclusiveMaximum });
        }

        if (n.MultipleOf is { } m)
        {
            var s = Of(numeric, n.Pointer);
            s.NotMultipleOf.Add(m);
            result.Add(s);
        }

        foreach (var m2 in n.NotMultipleOf)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = numeric, MultipleOf = m2 });
        }

        foreach (var v in n.NotValues)
        {
            result.Add(new SchemaInfo(n.Pointer) { Types = numeric, Enum = [Encoding.UTF8.GetBytes(v.ToString(CultureInfo.InvariantCulture))] });
        }

        return true;
    }

    private bool NegateObjects(SchemaInfo n, List<SchemaInfo> result)
    {
        if ((n.Types & JsonTypes.Object) == 0)
        {
            return true;
        }

        if ((n.AdditionalProperties is { } ap && !Normalize(ap).MatchesAnything) || n.PatternProperties.Count > 0 || n.PropertyNames is not null)
        {
            return false; // "some other key has an invalid value / name" has no plain form
        }

        var p = n.Pointer;
        foreach (var r in n.Required)
        {
            var s = Of(JsonTypes.Object, p);
            s.Properties.Add((r, SchemaInfo.False(p)));
            result.Add(s);
        }

        foreach (var (name, schema) in n.Properties)
        {
            if (!Normalize(schema).MatchesAnything)
            {
                var s = Of(JsonTypes.Object, p);
                s.Required.Add(name);
                s.Properties.Add((name, NotOf(schema)));
                result.Add(s);
            }
        }

        foreach (var (name, needs) in n.DependentRequired)
        {
            foreach (var q in needs)
            {
                var s = Of(JsonTypes.Object, p);
                s.Required.Add(name);
                s.Properties.Add((q, SchemaInfo.False(p)));
                result.Add(s);
            }
        }

        if (n.Presence.Count > 0)
        {
            var s = Of(JsonTypes.Object, p);
            s.Presence.Add(SchemaCond.Not(SchemaCond.And([.. n.Presence])));
            result.Add(s);
        }

        if (n.MinProperties > 0)
        {
            result.Add(new SchemaInfo(p) { Types = JsonTypes.Object, MaxProperties = n.MinProperties - 1 });
        }

        if (n.MaxProperties >= 0)
        {
            result.Add(new SchemaInfo(p) { Types = JsonTypes.Object, MinProperties = n.MaxProperties + 1 });
        }

        return true;
    }

    private bool NegateArrays(SchemaInfo n, List<SchemaInfo> result)
    {
        if ((n.Types & JsonTypes.Array) == 0)
        {
            return true;
        }

        if (n.UniqueItems)
        {
            return false;
        }

        var p = n.Pointer;
        for (var i = 0; i < n.PrefixItems.Count; i++)
        {
            if (!Normalize(n.PrefixItems[i]).MatchesAnything)
            {
                var s = new SchemaInfo(p) { Types = JsonTypes.Array, MinItems = i + 1 };
                s.PrefixItems.AddRange(Enumerable.Range(0, i).Select(_ => new SchemaInfo(p)));
                s.PrefixItems.Add(NotOf(n.PrefixItems[i]));
                result.Add(s);
            }
        }

        if (n.Items is { } items && Normalize(items) is var ni && !ni.MatchesAnything)
        {
            if (ni.MatchesNothing)
            {
                result.Add(new SchemaInfo(p) { Types = JsonTypes.Array, MinItems = n.PrefixItems.Count + 1 });
            }
            else if (n.PrefixItems.Count > 0)
            {
                return false; // "an item after the prefix is invalid": contains counts the prefix too
            }
            else
            {
                var s = Of(JsonTypes.Array, p);
                s.Contains.Add((NotOf(items), 1, -1));
                result.Add(s);
            }
        }

        foreach (var (schema, min, max) in n.Contains)
        {
            if (min > 0)
            {
                var s = Of(JsonTypes.Array, p);
                s.Contains.Add((schema, 0, min - 1));
                result.Add(s);
            }

            if (max >= 0)
            {
                var s = Of(JsonTypes.Array, p);
                s.Contains.Add((schema, max + 1, -1));
                result.Add(s);
            }
        }

        if (n.MinItems > 0)
        {
            result.Add(new SchemaInfo(p) { Types = JsonTypes.Array, MaxItems = n.MinItems - 1 });
        }

        if (n.MaxItems >= 0)
        {
            result.Add(new SchemaInfo(p) { Types = JsonTypes.Array, MinItems = n.MaxItems + 1 });
        }

        return true;
    }

    /// <summary>The values of the schema's types that are not among its enum values (none for object/array constants).</summary>
    private static List<SchemaInfo>? NegateEnum(SchemaInfo n)
    {
        var p = n.Pointer;
        var result = new List<SchemaInfo>();
        var values = n.Enum!;
        if (values.Any(v => v[0] is (byte)'{' or (byte)'['))
        {
            return null;
        }

        if ((n.Types & JsonTypes.String) != 0)
        {
            var strings = values.Where(v => v[0] == '"').Select(v => JsonSerializer.Deserialize<string>(v)!).ToList();
            var s = Of(JsonTypes.String, p);
            if (strings.Count > 0)
            {
                s.Patterns.Add(("^(?:" + string.Join('|', strings.Select(EscapeRegex)) + ")$", "enum", n.EnumPointer, true));
            }

            result.Add(s);
        }

        var numeric = n.Types & (JsonTypes.Number | JsonTypes.Integer);
        if (numeric != JsonTypes.None)
        {
            var s = Of(numeric, p);
            foreach (var v in values.Where(v => v[0] is (byte)'-' or (>= (byte)'0' and <= (byte)'9')))
            {
                if (!decimal.TryParse(Encoding.UTF8.GetString(v), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                {
                    return null;
                }

                s.NotValues.Add(d);
            }

            result.Add(s);
        }

        var keywords = new List<byte[]>();
        foreach (var (text, type) in new[] { ("true", JsonTypes.Boolean), ("false", JsonTypes.Boolean), ("null", JsonTypes.Null) })
        {
            if ((n.Types & type) != 0 && !values.Any(v => v.AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(text))))
            {
                keywords.Add(Encoding.UTF8.GetBytes(text));
            }
        }

        if (keywords.Count > 0)
        {
            result.Add(new SchemaInfo(p) { Enum = keywords, EnumPointer = n.EnumPointer });
        }

        if ((n.Types & JsonTypes.Object) != 0)
        {
            result.Add(Of(JsonTypes.Object, p));
        }

        if ((n.Types & JsonTypes.Array) != 0)
        {
            result.Add(Of(JsonTypes.Array, p));
        }

        return result;
    }

    /// <summary>A regex matching exactly <paramref name="s"/> (ASCII punctuation escaped).</summary>
    private static string EscapeRegex(string s)
    {
        var sb = new StringBuilder();
        foreach (var c in s)
        {
            if (c < 0x80 && !char.IsAsciiLetterOrDigit(c) && c != ' ')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}

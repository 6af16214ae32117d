using System.Globalization;
using System.Text;
using System.Text.Json;
using HeteroAgents.Decoding.Runtime;
using HeteroAgents.Decoding.Schema;

namespace HeteroAgents.Decoding.Grammar;

/// <summary>
/// <c>enum</c>/<c>const</c> by value, not by spelling: strings through a content automaton of the decoded values (so
/// every escape spelling matches), numbers through an exact value set (2, 2.0 and 20e-1 are one value), true/false/null
/// as literals, objects and arrays as structural schemas (any member order, values compared the same way). Values that
/// contradict the rest of the schema are dropped at compile time.
/// </summary>
internal sealed partial class GrammarBuilder
{
    private void FillEnum(int id, SchemaInfo s)
    {
        var rest = s.CopyBase();
        rest.Enum = null;
        var strings = new List<byte[]>();
        var numbers = new List<decimal>();
        var kinds = 0;
        var composites = new List<int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in s.Enum!)
        {
            if (CanonicalJson.Of(v) is not { } canonical || !seen.Add(canonical))
            {
                continue;
            }

            switch (v[0])
            {
                case (byte)'"':
                    if ((rest.Types & JsonTypes.String) != 0)
                    {
                        strings.Add(Encoding.UTF8.GetBytes(JsonSerializer.Deserialize<string>(v)!));
                    }

                    break;
                case (byte)'t' or (byte)'f':
                    kinds |= (rest.Types & JsonTypes.Boolean) == 0 ? 0 : v[0] == 't' ? 1 : 2;
                    break;
                case (byte)'n':
                    kinds |= (rest.Types & JsonTypes.Null) == 0 ? 0 : 4;
                    break;
                case (byte)'{' or (byte)'[':
                    var merged = _normalizer.Merge(Const(v, s.EnumPointer), rest);
                    if (!merged.IsFalse && merged.Types != JsonTypes.None)
                    {
                        composites.Add(NodeFor(merged));
                    }

                    break;
                default:
                    if ((rest.Types & (JsonTypes.Number | JsonTypes.Integer)) != 0)
                    {
                        var text = Encoding.UTF8.GetString(v);
                        numbers.Add(decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                            : throw new SchemaCompilationException("enum", s.EnumPointer, $"the number {text} is outside the decimal range (about ±7.9e28)"));
                    }

                    break;
            }
        }

        var stringSpec = strings.Count > 0 ? BuildEnumString(rest, strings) : -1;
        var numberSpec = numbers.Count > 0 ? BuildEnumNumber(rest, numbers) : -1;
        var literal = kinds == 0 ? -1 : KeywordLiteral(kinds);
        var node = Tables.Nodes[id];
        if (composites.Count == 0)
        {
            (node.String, node.Number, node.Literal) = (stringSpec, numberSpec, literal);
            return;
        }

        var leaves = new List<int>();
        if (stringSpec >= 0 || numberSpec >= 0 || literal >= 0)
        {
            var scalar = NewNode();
            (Tables.Nodes[scalar].String, Tables.Nodes[scalar].Number, Tables.Nodes[scalar].Literal) = (stringSpec, numberSpec, literal);
            leaves.Add(scalar);
        }

        leaves.AddRange(composites);
        if (!TryCombine(node, [.. leaves]))
        {
            node.Branches = [.. leaves];
        }
    }

    /// <summary>The schema that only <paramref name="value"/> (compact JSON) matches.</summary>
    private static SchemaInfo Const(byte[] value, string pointer)
    {
        using var doc = JsonDocument.Parse(value);
        return Const(doc.RootElement, pointer);
    }

    private static SchemaInfo Const(JsonElement e, string pointer)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var o = new SchemaInfo(pointer) { Types = JsonTypes.Object, AdditionalProperties = SchemaInfo.False(pointer) };
                foreach (var p in e.EnumerateObject())
                {
                    o.Properties.Add((p.Name, Const(p.Value, pointer)));
                    o.Required.Add(p.Name);
                }

                return o;
            case JsonValueKind.Array:
                var a = new SchemaInfo(pointer) { Types = JsonTypes.Array, Items = SchemaInfo.False(pointer), MinItems = e.GetArrayLength() };
                foreach (var item in e.EnumerateArray())
                {
                    a.PrefixItems.Add(Const(item, pointer));
                }

                return a;
            default:
                return new SchemaInfo(pointer) { Enum = [CompactJson.ToUtf8(e)], EnumPointer = pointer };
        }
    }

    /// <summary>Enum strings that fit the schema's lengths, as a content automaton intersected with its patterns.</summary>
    private int BuildEnumString(SchemaInfo rest, List<byte[]> strings)
    {
        var fitting = strings.Where(b =>
        {
            var length = Encoding.UTF8.GetString(b).EnumerateRunes().Count();
            return length >= rest.MinLength && (rest.MaxLength < 0 || length <= rest.MaxLength);
        }).ToList();
        if (fitting.Count == 0)
        {
            return -1;
        }

        Regex.ByteDfa dfa;
        try
        {
            dfa = DfaCache.Literals(fitting);
            if (rest.Patterns.Count > 0)
            {
                dfa = DfaCache.Intersect(dfa, PatternsDfa(rest));
            }
        }
        catch (Regex.RegexUnsupportedException ex)
        {
            throw new SchemaCompilationException("enum", rest.EnumPointer.Length > 0 ? rest.EnumPointer : rest.Pointer, ex.Message);
        }

        var key = (dfa.Id, 0, -1);
        if (!_stringSpecs.TryGetValue(key, out var index))
        {
            // Only the plain spelling is offered (escapes where a value needs them), as for the keys of closed objects.
            var escapes = fitting.Any(b => b.Any(c => c is (byte)'"' or (byte)'\\' or < 0x20));
            Tables.Strings.Add(new StringSpec { Dfa = dfa, SharedDfa = true, AllowEscapes = escapes });
            index = _stringSpecs[key] = Tables.Strings.Count - 1;
        }

        return index;
    }

    /// <summary>Enum numbers that satisfy the schema's numeric keywords, as an exact value set.</summary>
    private int BuildEnumNumber(SchemaInfo rest, List<decimal> numbers)
    {
        var integerOnly = (rest.Types & JsonTypes.Number) == 0;
        var kept = numbers.Where(v =>
            (!integerOnly || v == decimal.Truncate(v))
            && (rest.Minimum is not { } min || v > min || (v == min && !rest.ExclusiveMinimum))
            && (rest.Maximum is not { } max || v < max || (v == max && !rest.ExclusiveMaximum))
            && (rest.MultipleOf is not { } m || v % m == 0)
            && !rest.NotMultipleOf.Any(nm => v % nm == 0) && !rest.NotValues.Contains(v)).ToList();
        if (kept.Count == 0)
        {
            return -1;
        }

        Tables.Numbers.Add(new NumberSpec { Values = new NumberValues(kept) });
        return Tables.Numbers.Count - 1;
    }
}

using System.Globalization;
using System.Text;

namespace HeteroAgents.Decoding.Tests;

/// <summary>
/// A random schema together with a generator of instances that are valid by construction. Kinds: string (lengths,
/// patterns, enums), integer (ranges), number, boolean, null, object (required subsets, additionalProperties),
/// array (items, lengths), anyOf of disjoint types.
/// </summary>
internal sealed class RandomSchema
{
    private static readonly string[] s_names = ["id", "name", "value", "items", "x", "type", "données", "a b", "q\"uote"];
    private static readonly (string Pattern, Func<Random, string> Make)[] s_patterns =
    [
        ("^[a-z]{1,5}$", r => new string(Enumerable.Range(0, r.Next(1, 6)).Select(_ => (char)('a' + r.Next(26))).ToArray())),
        ("^\\d{3}-\\d{4}$", r => $"{r.Next(100, 1000)}-{r.Next(1000, 10000)}"),
        ("^(?:yes|no|maybe)$", r => new[] { "yes", "no", "maybe" }[r.Next(3)]),
    ];

    private static readonly string s_chars = "abcXYZ 019-_\"\\/\n\té中😀{}[]:,";

    private readonly Func<Random, int, string> _make;

    private RandomSchema(string json, string kind, Func<Random, int, string> make)
    {
        Json = json;
        Kind = kind;
        _make = make;
    }

    public string Json { get; }

    /// <summary>The JSON type of every instance ("string", "object", ...; "any" for unions).</summary>
    public string Kind { get; }

    public string Instance(Random r) => _make(r, 0);

    public static RandomSchema Create(Random r, int depth = 0)
    {
        var choice = r.Next(depth >= 3 ? 6 : 9);
        switch (choice)
        {
            case 0:
                {
                    var min = r.Next(0, 3);
                    var max = min + r.Next(0, 6);
                    return new RandomSchema($"{{\"type\":\"string\",\"minLength\":{min},\"maxLength\":{max}}}", "string",
                        (rr, _) => Str(RandomText(rr, rr.Next(min, max + 1))));
                }

            case 1:
                {
                    var (pattern, make) = s_patterns[r.Next(s_patterns.Length)];
                    var escaped = pattern.Replace("\\", "\\\\", StringComparison.Ordinal);
                    return new RandomSchema($"{{\"type\":\"string\",\"pattern\":\"{escaped}\"}}", "string", (rr, _) => Str(make(rr)));
                }

            case 2:
                {
                    var lo = r.Next(-1000, 1000);
                    var hi = lo + r.Next(0, 5000);
                    return new RandomSchema($"{{\"type\":\"integer\",\"minimum\":{lo},\"maximum\":{hi}}}", "number",
                        (rr, _) => rr.Next(lo, hi + 1).ToString(CultureInfo.InvariantCulture));
                }

            case 3:
                return new RandomSchema("{\"type\":\"number\"}", "number",
                    (rr, _) => new[] { "0", "-0.0e+10", "3.14159", "-2", "1E9", "12345678901234567890" }[rr.Next(6)]);
            case 4:
                return new RandomSchema("{\"type\":\"boolean\"}", "boolean", (rr, _) => rr.Next(2) == 0 ? "true" : "false");
            case 5:
                {
                    var values = new[] { "\"red\"", "\"green\"", "42", "null", "\"re\"" };
                    return new RandomSchema("{\"enum\":[" + string.Join(',', values) + "]}", "any", (rr, _) => values[rr.Next(values.Length)]);
                }

            case 6:
                return CreateObject(r, depth);
            case 7:
                {
                    var item = Create(r, depth + 1);
                    var min = r.Next(0, 2);
                    var max = min + r.Next(0, 4);
                    return new RandomSchema($"{{\"type\":\"array\",\"items\":{item.Json},\"minItems\":{min},\"maxItems\":{max}}}", "array",
                        (rr, d) => "[" + string.Join(',', Enumerable.Range(0, rr.Next(min, max + 1)).Select(_ => item._make(rr, d + 1))) + "]");
                }

            default:
                {
                    var a = CreateObject(r, depth + 1);
                    return new RandomSchema($"{{\"anyOf\":[{a.Json},{{\"type\":\"string\"}},{{\"type\":\"null\"}}]}}", "any",
                        (rr, d) => rr.Next(3) switch { 0 => a._make(rr, d), 1 => Str(RandomText(rr, 3)), _ => "null" });
                }
        }
    }

    private static RandomSchema CreateObject(Random r, int depth)
    {
        var names = s_names.OrderBy(_ => r.Next()).Take(r.Next(1, 5)).ToArray();
        var props = names.Select(_ => Create(r, depth + 1)).ToArray();
        var required = names.Where(_ => r.Next(2) == 0).ToHashSet();
        var closed = r.Next(2) == 0;
        var sb = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        sb.AppendJoin(',', names.Select((n, i) => Str(n) + ":" + props[i].Json));
        sb.Append("},\"required\":[").AppendJoin(',', required.Select(Str)).Append(']');
        sb.Append(closed ? ",\"additionalProperties\":false}" : "}");
        return new RandomSchema(sb.ToString(), "object", (rr, d) =>
        {
            var parts = new List<string>();
            for (var i = 0; i < names.Length; i++)
            {
                if (required.Contains(names[i]) || rr.Next(2) == 0)
                {
                    parts.Add(Str(names[i]) + ":" + props[i]._make(rr, d + 1));
                }
            }

            return "{" + string.Join(',', parts) + "}";
        });
    }

    private static string RandomText(Random r, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var c = s_chars[r.Next(s_chars.Length)];
            if (char.IsHighSurrogate(c))
            {
                sb.Append("😀");
            }
            else if (!char.IsLowSurrogate(c))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('z');
            }
        }

        return sb.ToString();
    }

    private static string Str(string s)
    {
        var sb = new StringBuilder();
        CompactJson.WriteString(s, sb);
        return sb.ToString();
    }
}

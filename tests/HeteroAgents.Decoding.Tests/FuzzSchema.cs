using System.Globalization;
using System.Text;

namespace HeteroAgents.Decoding.Tests;

/// <summary>Random JSON Schemas over every keyword the compiler knows (for fuzzing; no instances are generated).</summary>
internal static class FuzzSchema
{
    private static readonly string[] s_names = ["a", "b", "id", "x-1", "é", "q\"t"];
    private static readonly string[] s_patterns = ["^[a-z]+$", "b", "^x-", "\\d{2}", "^(?:yes|no)$", "[^a]"];
    private static readonly string[] s_formats = ["date", "email", "ipv4", "uuid", "uri", "duration", "hostname", "date-time"];

    public static string Create(Random r) => "{\"$defs\":{\"d\":" + Schema(r, 2) + "}," + Body(r, 0)[1..];

    private static string Schema(Random r, int depth) => r.Next(12) switch
    {
        0 => "true",
        1 when depth > 0 => "false",
        _ => Body(r, depth),
    };

    private static string Body(Random r, int depth)
    {
        var parts = new List<string>();
        var kind = r.Next(depth >= 3 ? 4 : 8);
        switch (kind)
        {
            case 0:
                parts.Add("\"type\":\"string\"");
                Maybe(r, parts, () => $"\"minLength\":{r.Next(3)}", () => $"\"maxLength\":{r.Next(2, 6)}", () => $"\"pattern\":{Str(s_patterns[r.Next(s_patterns.Length)])}", () => $"\"format\":\"{s_formats[r.Next(s_formats.Length)]}\"");
                break;
            case 1:
                parts.Add(r.Next(2) == 0 ? "\"type\":\"integer\"" : "\"type\":\"number\"");
                Maybe(r, parts, () => $"\"minimum\":{r.Next(-5, 5)}", () => $"\"exclusiveMaximum\":{r.Next(5, 100)}", () => $"\"multipleOf\":{(r.Next(2) == 0 ? "3" : "0.5")}");
                break;
            case 2:
                parts.Add(r.Next(2) == 0 ? "\"enum\":[\"a\",1,null,[1],{\"k\":true}]" : $"\"const\":{Str(s_names[r.Next(s_names.Length)])}");
                break;
            case 3:
                parts.Add("\"type\":[\"boolean\",\"null\"]");
                break;
            case 4 or 5:
                Object(r, depth, parts);
                break;
            case 6:
                Array(r, depth, parts);
                break;
            default:
                Combinators(r, depth, parts);
                break;
        }

        if (depth < 3 && r.Next(5) == 0)
        {
            Combinators(r, depth, parts);
        }

        return "{" + string.Join(',', parts.Distinct()) + "}";
    }

    private static void Object(Random r, int depth, List<string> parts)
    {
        parts.Add("\"type\":\"object\"");
        var names = s_names.OrderBy(_ => r.Next()).Take(r.Next(1, 4)).ToList();
        parts.Add("\"properties\":{" + string.Join(',', names.Select(n => Str(n) + ":" + Schema(r, depth + 1))) + "}");
        Maybe(r, parts,
            () => "\"required\":[" + string.Join(',', names.Where(_ => r.Next(2) == 0).Select(Str)) + "]",
            () => "\"additionalProperties\":" + Schema(r, depth + 1),
            () => $"\"patternProperties\":{{{Str(s_patterns[r.Next(s_patterns.Length)])}:{Schema(r, depth + 1)}}}",
            () => "\"propertyNames\":{\"maxLength\":3}",
            () => $"\"dependentRequired\":{{{Str(names[0])}:[{Str(s_names[r.Next(s_names.Length)])}]}}",
            () => $"\"dependentSchemas\":{{{Str(names[^1])}:{Schema(r, depth + 1)}}}",
            () => $"\"maxProperties\":{r.Next(1, 4)}",
            () => "\"unevaluatedProperties\":" + Schema(r, depth + 1));
    }

    private static void Array(Random r, int depth, List<string> parts)
    {
        parts.Add("\"type\":\"array\"");
        Maybe(r, parts,
            () => "\"items\":" + Schema(r, depth + 1),
            () => "\"prefixItems\":[" + Schema(r, depth + 1) + "]",
            () => "\"contains\":" + Schema(r, depth + 1),
            () => $"\"minContains\":{r.Next(0, 3)}",
            () => $"\"maxContains\":{r.Next(1, 3)}",
            () => "\"uniqueItems\":true",
            () => $"\"maxItems\":{r.Next(0, 5)}",
            () => "\"unevaluatedItems\":" + Schema(r, depth + 1));
    }

    private static void Combinators(Random r, int depth, List<string> parts)
    {
        string List() => "[" + string.Join(',', Enumerable.Range(0, r.Next(1, 4)).Select(_ => Schema(r, depth + 1))) + "]";
        switch (r.Next(7))
        {
            case 0: parts.Add("\"not\":" + Schema(r, depth + 1)); break;
            case 1: parts.Add("\"anyOf\":" + List()); break;
            case 2: parts.Add("\"oneOf\":" + List()); break;
            case 3: parts.Add("\"allOf\":" + List()); break;
            case 4: parts.Add($"\"if\":{Schema(r, depth + 1)},\"then\":{Schema(r, depth + 1)},\"else\":{Schema(r, depth + 1)}"); break;
            case 5: parts.Add("\"$ref\":\"#/$defs/d\""); break;
            default: parts.Add("\"$ref\":\"#\""); break;
        }
    }

    private static void Maybe(Random r, List<string> parts, params Func<string>[] options)
    {
        foreach (var o in options)
        {
            if (r.Next(3) == 0)
            {
                parts.Add(o());
            }
        }
    }

    private static string Str(string s)
    {
        var sb = new StringBuilder();
        CompactJson.WriteString(s, sb);
        return sb.ToString();
    }

    public static string Describe(int seed) => seed.ToString(CultureInfo.InvariantCulture);
}

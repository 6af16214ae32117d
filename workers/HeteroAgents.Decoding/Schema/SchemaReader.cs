using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>Reads a JSON Schema document into <see cref="SchemaInfo"/> objects, resolving references (see the Refs part).</summary>
internal sealed partial class SchemaReader
{
    /// <summary>Assertion keywords the engine does not implement: their presence fails compilation.</summary>
    private static readonly HashSet<string> s_unsupported = new(StringComparer.Ordinal)
    {
        "$recursiveRef", "$recursiveAnchor",
    };

    private readonly Dictionary<string, SchemaInfo> _read = new(StringComparer.Ordinal);

    private readonly JsonSchemaCompilerOptions _options;
    private readonly SchemaScope _rootScope;

    public SchemaReader(JsonElement root, JsonSchemaCompilerOptions options)
    {
        _options = options;
        _assertFormat = options.AssertFormat;
        AddDocument(DefaultBase, root);
        _rootScope = SchemaScope.Root(0, BaseAt(0, "#"));
    }

    /// <summary>Whether a schema read so far uses <c>unevaluatedProperties</c> or <c>unevaluatedItems</c>.</summary>
    public bool UsesUnevaluated { get; private set; }

    public SchemaInfo ReadRoot() => Read(_documents[0].Root, "#", _rootScope);

    /// <summary>The pointer shown in messages: the fragment for the schema itself, with the document URI for others.</summary>
    private string Display(int doc, string ptr) => doc == 0 ? ptr : _documents[doc].Uri + ptr;

    private SchemaInfo Read(JsonElement e, string ptr, SchemaScope scope)
    {
        var at = Display(scope.Document, ptr);
        var key = scope.Document.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + ptr + "|" + ScopeKey(scope);
        if (_read.TryGetValue(key, out var known))
        {
            return known;
        }

        if (e.ValueKind == JsonValueKind.True)
        {
            return _read[key] = new SchemaInfo(at);
        }

        if (e.ValueKind == JsonValueKind.False)
        {
            return _read[key] = SchemaInfo.False(at);
        }

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaCompilationException("", at, $"a schema must be an object or a boolean, not {e.ValueKind}");
        }

        var s = new SchemaInfo(at);
        _read[key] = s;
        scope = scope.Enter(scope.Document, BaseAt(scope.Document, ptr));
        var context = new ReadContext(e, ptr, at, scope);
        var dialect = _dialects[scope.Document];
        if (dialect.RefOverridesSiblings && e.TryGetProperty("$ref", out var onlyRef))
        {
            ReadKeyword(s, "$ref", onlyRef, context);
            return s;
        }

        foreach (var p in e.EnumerateObject())
        {
            ReadKeyword(s, p.Name, p.Value, context);
        }

        if (!dialect.Ignored.Contains("if") && e.TryGetProperty("if", out var condition))
        {
            s.If = Read(condition, Child(ptr, "if"), scope);
            s.Then = e.TryGetProperty("then", out var then) ? Read(then, Child(ptr, "then"), scope) : null;
            s.Else = e.TryGetProperty("else", out var otherwise) ? Read(otherwise, Child(ptr, "else"), scope) : null;
        }

        if (!dialect.Ignored.Contains("contains") && e.TryGetProperty("contains", out var contains))
        {
            // minContains/maxContains without contains assert nothing.
            var min = !dialect.Ignored.Contains("minContains") && e.TryGetProperty("minContains", out var least) ? ReadCount(least, "minContains", at) : 1;
            var max = !dialect.Ignored.Contains("maxContains") && e.TryGetProperty("maxContains", out var most) ? ReadCount(most, "maxContains", at) : -1;
            s.Contains.Add((Read(contains, Child(ptr, "contains"), scope), min, max));
        }

        if (e.TryGetProperty("nullable", out var nullable) && nullable.ValueKind == JsonValueKind.True && s.Types != JsonTypes.All)
        {
            s.Types |= JsonTypes.Null;
            if (s.Enum is not null && !s.Enum.Any(v => v is [(byte)'n', ..]))
            {
                s.Enum.Add("null"u8.ToArray());
            }
        }

        return s;
    }

    private static string Child(string ptr, string token) => ptr + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private void ReadKeyword(SchemaInfo s, string keyword, JsonElement v, ReadContext context)
    {
        var ptr = context.At;
        var dialect = _dialects[context.Scope.Document];
        if (dialect.Ignored.Contains(keyword))
        {
            return;
        }

        if (s_unsupported.Contains(keyword))
        {
            throw new SchemaCompilationException(keyword, ptr, $"keyword '{keyword}' is not supported");
        }

        switch (keyword)
        {
            case "type": s.Types &= ReadTypes(v, ptr); break;
            case "enum":
                if (v.ValueKind != JsonValueKind.Array)
                {
                    throw new SchemaCompilationException(keyword, ptr, "enum must be an array");
                }

                s.Enum = v.EnumerateArray().SelectMany(EnumSpellings).ToList();
                s.EnumPointer = ptr;
                break;
            case "const":
                var spellings = EnumSpellings(v).ToList();
                s.Enum = s.Enum is null ? spellings : s.Enum.Where(x => spellings.Any(c => JsonValues.Equal(x, c))).ToList();
                s.EnumPointer = ptr;
                break;
            case "minLength": s.MinLength = ReadCount(v, keyword, ptr); break;
            case "maxLength": s.MaxLength = ReadCount(v, keyword, ptr); break;
            case "pattern":
                s.Patterns.Add((ReadString(v, keyword, ptr), keyword, ptr, false));
                break;
            case "format":
                if (_assertFormat && v.ValueKind == JsonValueKind.String && FormatPatterns.For(v.GetString()!, ptr) is { } rule)
                {
                    s.Patterns.Add((rule.Pattern, keyword, ptr, false));
                    s.Patterns.AddRange(rule.Forbidden.Select(f => (f, keyword, ptr, true)));
                    if (rule.MaxLength >= 0)
                    {
                        s.MaxLength = s.MaxLength < 0 ? rule.MaxLength : Math.Min(s.MaxLength, rule.MaxLength);
                    }
                }

                break;
            case "contentEncoding" or "contentMediaType" when dialect.Draft <= 7 && _assertFormat:
                ReadContent(s, keyword, v, ptr);
                break;
            case "minimum": s.Minimum = ReadNumber(v, keyword, ptr); break;
            case "maximum": s.Maximum = ReadNumber(v, keyword, ptr); break;
            case "exclusiveMinimum":
                if (v.ValueKind == JsonValueKind.True)
                {
                    s.ExclusiveMinimum = true; // draft-04: boolean modifier of minimum
                }
                else if (v.ValueKind != JsonValueKind.False)
                {
                    var m = ReadNumber(v, keyword, ptr);
                    if (s.Minimum is null || m >= s.Minimum)
                    {
                        (s.Minimum, s.ExclusiveMinimum) = (m, true);
                    }
                }

                break;
            case "exclusiveMaximum":
                if (v.ValueKind == JsonValueKind.True)
                {
                    s.ExclusiveMaximum = true;
                }
                else if (v.ValueKind != JsonValueKind.False)
                {
                    var m = ReadNumber(v, keyword, ptr);
                    if (s.Maximum is null || m <= s.Maximum)
                    {
                        (s.Maximum, s.ExclusiveMaximum) = (m, true);
                    }
                }

                break;
            case "multipleOf":
                s.MultipleOf = ReadNumber(v, keyword, ptr);
                if (s.MultipleOf <= 0)
                {
                    throw new SchemaCompilationException(keyword, ptr, "multipleOf must be positive");
                }

                break;
            default:
                ReadStructural(s, keyword, v, context);
                break;
        }
    }

    /// <summary>The compact JSON text of an enum/const value (values are compared by <see cref="JsonValues.Equal"/>).</summary>
    private static IEnumerable<byte[]> EnumSpellings(JsonElement v)
    {
        yield return CompactJson.ToUtf8(v);
    }

    /// <summary>
    /// Draft-07 lets validators assert <c>contentEncoding</c>/<c>contentMediaType</c>; with format assertion on,
    /// base64 is asserted and a JSON media type (not a regular language) fails compilation. Later drafts only annotate.
    /// </summary>
    private static void ReadContent(SchemaInfo s, string keyword, JsonElement v, string ptr)
    {
        var value = v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        if (keyword == "contentEncoding" && value == "base64")
        {
            s.Patterns.Add(("^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$", keyword, ptr, false));
        }
        else if (keyword == "contentMediaType" && value.EndsWith("json", StringComparison.OrdinalIgnoreCase))
        {
            throw new SchemaCompilationException(keyword, ptr, $"asserting that strings hold '{value}' documents is not supported (set AssertFormat false to treat it as an annotation)");
        }
    }

    private static JsonTypes ReadTypes(JsonElement v, string ptr)
    {
        if (v.ValueKind == JsonValueKind.Array)
        {
            var t = JsonTypes.None;
            foreach (var item in v.EnumerateArray())
            {
                t |= ReadTypes(item, ptr);
            }

            return t;
        }

        return v.ValueKind != JsonValueKind.String ? throw new SchemaCompilationException("type", ptr, "type must be a string or an array") : v.GetString() switch
        {
            "null" => JsonTypes.Null,
            "boolean" => JsonTypes.Boolean,
            "object" => JsonTypes.Object,
            "array" => JsonTypes.Array,
            "string" => JsonTypes.String,
            "number" => JsonTypes.Number | JsonTypes.Integer,
            "integer" => JsonTypes.Integer,
            "any" => JsonTypes.All,
            var other => throw new SchemaCompilationException("type", ptr, $"unknown type '{other}'"),
        };
    }

    private static int ReadCount(JsonElement v, string keyword, string ptr)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d) && d >= 0 && d == decimal.Truncate(d))
        {
            return d > int.MaxValue ? int.MaxValue : (int)d;
        }

        throw new SchemaCompilationException(keyword, ptr, "must be a non-negative integer");
    }

    private static decimal ReadNumber(JsonElement v, string keyword, string ptr)
    {
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDecimal(out var d)
            && JsonValues.Equal(CompactJson.ToUtf8(v), System.Text.Encoding.UTF8.GetBytes(d.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        {
            return d;
        }

        throw new SchemaCompilationException(keyword, ptr, "must be a number a decimal holds exactly (at most 28 significant digits, about ±7.9e28)");
    }

    private static string ReadString(JsonElement v, string keyword, string ptr) =>
        v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new SchemaCompilationException(keyword, ptr, "must be a string");
}

using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>
/// Schema resources and references: every document (the schema and the ones given in
/// <see cref="JsonSchemaCompilerOptions.Documents"/>) is indexed once for <c>$id</c> (embedded resources, resolved
/// against the nearest enclosing base URI), <c>$anchor</c> and <c>$dynamicAnchor</c>; references resolve as URIs
/// against the base URI where they appear. Nothing is fetched.
/// </summary>
internal sealed partial class SchemaReader
{
    /// <summary>The base URI of a schema without <c>$id</c> (only used to resolve relative references against).</summary>
    private const string DefaultBase = "https://heteroagents.invalid/schema.json";

    /// <summary>Keywords whose value is one subschema, an array of them, or an object of them (indexed for $id/$anchor).</summary>
    private static readonly HashSet<string> s_schemaKeywords = new(StringComparer.Ordinal)
    {
        "additionalProperties", "additionalItems", "items", "contains", "not", "if", "then", "else", "propertyNames",
        "unevaluatedItems", "unevaluatedProperties", "contentSchema", "allOf", "anyOf", "oneOf", "prefixItems",
    };

    private static readonly HashSet<string> s_schemaMapKeywords = new(StringComparer.Ordinal)
    {
        "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies",
    };

    private readonly List<(string Uri, JsonElement Root)> _documents = [];
    private readonly Dictionary<string, (int Doc, string Ptr)> _resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Doc, string Ptr)> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dynamicAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<(int, string), string> _baseAt = [];

    private int AddDocument(string uri, JsonElement root)
    {
        _documents.Add((uri, root));
        _dialects.Add(DialectOf(root, _dialects.Count > 0 ? _dialects[0] : null));
        var doc = _documents.Count - 1;
        if (doc == 0)
        {
            ApplyVocabularies(root, _dialects[0]);
        }

        _resources.TryAdd(uri, (doc, "#"));
        Index(doc, root, "#", uri);
        return doc;
    }

    private void Index(int doc, JsonElement e, string ptr, string baseUri)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var hasRef = e.TryGetProperty("$ref", out _);
        if (e.TryGetProperty(_dialects[doc].IdKeyword, out var id) && id.ValueKind == JsonValueKind.String && !(_dialects[doc].RefOverridesSiblings && hasRef))
        {
            var value = id.GetString()!;
            if (value.StartsWith('#') && value.Length > 1)
            {
                _anchors.TryAdd(SchemaScope.Resource(baseUri) + value, (doc, ptr)); // draft-04..07 plain-name id/$id
            }
            else
            {
                baseUri = SchemaScope.Resource(ResolveUri(baseUri, value));
                _resources.TryAdd(baseUri, (doc, ptr));
            }
        }

        foreach (var kind in new[] { "$anchor", "$dynamicAnchor" })
        {
            if (!_dialects[doc].Ignored.Contains(kind) && e.TryGetProperty(kind, out var anchor) && anchor.ValueKind == JsonValueKind.String)
            {
                var key = SchemaScope.Resource(baseUri) + "#" + anchor.GetString();
                _anchors.TryAdd(key, (doc, ptr));
                if (kind == "$dynamicAnchor")
                {
                    _dynamicAnchors.Add(key);
                }
            }
        }

        _baseAt[(doc, ptr)] = baseUri;
        foreach (var p in e.EnumerateObject())
        {
            var kp = Child(ptr, p.Name);
            if (s_schemaKeywords.Contains(p.Name))
            {
                if (p.Value.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in p.Value.EnumerateArray())
                    {
                        Index(doc, item, Child(kp, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)), baseUri);
                    }
                }
                else
                {
                    Index(doc, p.Value, kp, baseUri);
                }
            }
            else if (s_schemaMapKeywords.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var member in p.Value.EnumerateObject())
                {
                    Index(doc, member.Value, Child(kp, member.Name), baseUri);
                }
            }
        }
    }

    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUri"/> (RFC 3986).</summary>
    private static string ResolveUri(string baseUri, string reference)
    {
        if (reference.Length == 0)
        {
            return baseUri;
        }

        if (reference[0] == '#')
        {
            return SchemaScope.Resource(baseUri) + reference;
        }

        if (HasScheme(reference))
        {
            return Normalize(reference);
        }

        return Uri.TryCreate(baseUri, UriKind.Absolute, out var b) && Uri.TryCreate(b, reference, out var r) ? Normalize(r.AbsoluteUri) : reference;
    }

    private static bool HasScheme(string s)
    {
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && char.IsAsciiLetter(s[0]) && s.AsSpan(0, colon).IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-") < 0;
    }

    private static string Normalize(string uri) =>
        uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(uri, UriKind.Absolute, out var u) ? u.AbsoluteUri : uri;

    /// <summary>The document and pointer a reference names, indexing a given document on first use.</summary>
    private (int Doc, string Ptr) Locate(string reference, string baseUri, string keyword, string at)
    {
        var absolute = ResolveUri(baseUri, reference);
        var resource = SchemaScope.Resource(absolute);
        var fragment = absolute.Length > resource.Length ? Uri.UnescapeDataString(absolute[(resource.Length + 1)..]) : "";
        if (!_resources.TryGetValue(resource, out var root))
        {
            if (_options.Documents is { } documents && (documents.TryGetValue(resource, out var given) || documents.TryGetValue(Normalize(resource), out given)))
            {
                AddDocument(resource, given);
                root = _resources[resource];
            }
            else
            {
                throw new SchemaCompilationException(keyword, at, $"reference '{reference}' names '{resource}', which is neither in the schema nor among the given documents");
            }
        }

        if (fragment.Length == 0)
        {
            return root;
        }

        if (fragment[0] == '/')
        {
            return (root.Doc, root.Ptr + fragment);
        }

        return _anchors.TryGetValue(resource + "#" + fragment, out var anchored) ? anchored
            : throw new SchemaCompilationException(keyword, at, $"reference '{reference}': no $anchor '{fragment}' in '{resource}'");
    }

    /// <summary>The element at a pointer of a document.</summary>
    private JsonElement Navigate(int doc, string pointer, string keyword, string at)
    {
        var e = _documents[doc].Root;
        if (pointer == "#")
        {
            return e;
        }

        foreach (var raw in pointer[2..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (e.ValueKind == JsonValueKind.Object && e.TryGetProperty(token, out var next))
            {
                e = next;
            }
            else if (e.ValueKind == JsonValueKind.Array && int.TryParse(token, out var idx) && idx >= 0 && idx < e.GetArrayLength())
            {
                e = e[idx];
            }
            else
            {
                throw new SchemaCompilationException(keyword, at, $"reference '{pointer}' does not resolve");
            }
        }

        return e;
    }

    /// <summary>The base URI in effect at a location (the nearest indexed enclosing schema's).</summary>
    private string BaseAt(int doc, string ptr)
    {
        for (var p = ptr; ; p = p[..p.LastIndexOf('/')])
        {
            if (_baseAt.TryGetValue((doc, p), out var b))
            {
                return b;
            }

            if (p == "#")
            {
                return _documents[doc].Uri;
            }
        }
    }

    /// <summary>The schema a <c>$ref</c> names, read in the dynamic scope of the referring schema.</summary>
    private SchemaInfo ReadRef(string reference, SchemaScope scope, string keyword, string at)
    {
        var (doc, ptr) = Locate(reference, scope.BaseUri, keyword, at);
        return Read(Navigate(doc, ptr, keyword, at), ptr, scope.Enter(doc, BaseAt(doc, ptr)));
    }

    /// <summary>
    /// <c>$dynamicRef</c>: like <c>$ref</c>, unless it names a <c>$dynamicAnchor</c>; then the outermost resource in
    /// the dynamic scope with a <c>$dynamicAnchor</c> of that name is the target.
    /// </summary>
    private SchemaInfo ReadDynamicRef(string reference, SchemaScope scope, string at)
    {
        var absolute = ResolveUri(scope.BaseUri, reference);
        var resource = SchemaScope.Resource(absolute);
        var name = absolute.Length > resource.Length ? absolute[(resource.Length + 1)..] : "";
        var (doc, ptr) = Locate(reference, scope.BaseUri, "$dynamicRef", at);
        if (name.Length > 0 && name[0] != '/' && _dynamicAnchors.Contains(resource + "#" + name))
        {
            foreach (var outer in scope.Resources)
            {
                if (_dynamicAnchors.Contains(outer + "#" + name))
                {
                    (doc, ptr) = _anchors[outer + "#" + name];
                    break;
                }
            }
        }

        return Read(Navigate(doc, ptr, "$dynamicRef", at), ptr, scope.Enter(doc, BaseAt(doc, ptr)));
    }

    /// <summary>The key of the dynamic scope as far as it can change what <c>$dynamicRef</c>s resolve to.</summary>
    private string ScopeKey(SchemaScope scope)
    {
        if (_dynamicAnchors.Count == 0)
        {
            return "";
        }

        return string.Join("\u0001", scope.Resources.Where(r => _dynamicAnchors.Any(a => a.StartsWith(r + "#", StringComparison.Ordinal))));
    }
}

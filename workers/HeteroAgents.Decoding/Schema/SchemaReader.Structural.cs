using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>Object, array, combinator and reference keywords.</summary>
internal sealed partial class SchemaReader
{
    private void ReadStructural(SchemaInfo s, string keyword, JsonElement v, string ptr)
    {
        var kp = Child(ptr, keyword);
        switch (keyword)
        {
            case "properties":
                RequireObject(v, keyword, ptr);
                foreach (var p in v.EnumerateObject())
                {
                    s.Properties.Add((p.Name, Read(p.Value, Child(kp, p.Name))));
                }

                break;
            case "required":
                if (v.ValueKind == JsonValueKind.Array)
                {
                    foreach (var r in v.EnumerateArray())
                    {
                        s.Required.Add(r.ValueKind == JsonValueKind.String ? r.GetString()! : throw new SchemaCompilationException(keyword, ptr, "required must list strings"));
                    }
                }
                else if (v.ValueKind != JsonValueKind.True && v.ValueKind != JsonValueKind.False)
                {
                    throw new SchemaCompilationException(keyword, ptr, "required must be an array");
                }
                else if (v.ValueKind == JsonValueKind.True)
                {
                    throw new SchemaCompilationException(keyword, ptr, "draft-03 boolean 'required' is not supported");
                }

                break;
            case "additionalProperties": s.AdditionalProperties = Read(v, kp); break;
            case "patternProperties":
                RequireObject(v, keyword, ptr);
                foreach (var p in v.EnumerateObject())
                {
                    s.PatternProperties.Add((p.Name, Read(p.Value, Child(kp, p.Name)), kp));
                }

                break;
            case "minProperties": s.MinProperties = ReadCount(v, keyword, ptr); break;
            case "maxProperties": s.MaxProperties = ReadCount(v, keyword, ptr); break;
            case "items":
                if (v.ValueKind == JsonValueKind.Array)
                {
                    var i = 0;
                    foreach (var item in v.EnumerateArray())
                    {
                        s.PrefixItems.Add(Read(item, Child(kp, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture))));
                    }

                    // draft-07 tuple form: items after the tuple are governed by additionalItems (default: any).
                    if (Resolve(ptr).TryGetProperty("additionalItems", out var ai))
                    {
                        s.Items = Read(ai, Child(ptr, "additionalItems"));
                    }
                }
                else
                {
                    s.Items = Read(v, kp);
                }

                break;
            case "prefixItems":
                var n = 0;
                foreach (var item in v.EnumerateArray())
                {
                    s.PrefixItems.Add(Read(item, Child(kp, (n++).ToString(System.Globalization.CultureInfo.InvariantCulture))));
                }

                break;
            case "minItems": s.MinItems = ReadCount(v, keyword, ptr); break;
            case "maxItems": s.MaxItems = ReadCount(v, keyword, ptr); break;
            case "uniqueItems":
                s.UniqueItems = v.ValueKind == JsonValueKind.True;
                break;
            case "contains": s.Contains = Read(v, kp); break;
            case "minContains": s.MinContains = ReadCount(v, keyword, ptr); break;
            case "maxContains": s.MaxContains = ReadCount(v, keyword, ptr); break;
            case "not": s.Not.Add(Read(v, kp)); break;
            case "propertyNames": s.PropertyNames = Read(v, kp); break;
            case "dependentSchemas" or "dependentRequired" or "dependencies":
                RequireObject(v, keyword, ptr);
                foreach (var p in v.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.Array && keyword != "dependentSchemas")
                    {
                        var names = p.Value.EnumerateArray().Select(n => n.ValueKind == JsonValueKind.String ? n.GetString()!
                            : throw new SchemaCompilationException(keyword, ptr, $"{keyword} must list property names")).ToArray();
                        s.DependentRequired.Add((p.Name, names));
                    }
                    else if (keyword != "dependentRequired")
                    {
                        s.DependentSchemas.Add((p.Name, Read(p.Value, Child(kp, p.Name))));
                    }
                    else
                    {
                        throw new SchemaCompilationException(keyword, ptr, "dependentRequired values must be arrays of property names");
                    }
                }

                break;
            case "$ref":
                s.Ref = ResolveRef(ReadString(v, keyword, ptr), ptr);
                break;
            case "allOf":
                s.AllOf.AddRange(ReadList(v, keyword, kp));
                break;
            case "anyOf":
                s.AnyOf.Add(ReadList(v, keyword, kp));
                break;
            case "oneOf":
                s.OneOf.Add(ReadList(v, keyword, kp));
                break;
        }
    }

    private List<SchemaInfo> ReadList(JsonElement v, string keyword, string kp)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
        {
            throw new SchemaCompilationException(keyword, kp, $"{keyword} must be a non-empty array");
        }

        var list = new List<SchemaInfo>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(Read(item, kp + "/" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return list;
    }

    private static void RequireObject(JsonElement v, string keyword, string ptr)
    {
        if (v.ValueKind != JsonValueKind.Object)
        {
            throw new SchemaCompilationException(keyword, ptr, $"{keyword} must be an object");
        }
    }

    private SchemaInfo ResolveRef(string reference, string ptr)
    {
        var r = reference;
        if (_rootId is not null && r.StartsWith(_rootId, StringComparison.Ordinal))
        {
            r = r[_rootId.Length..];
        }

        if (r.Length == 0)
        {
            r = "#";
        }

        if (!r.StartsWith('#') || (r.Length > 1 && r[1] != '/'))
        {
            throw new SchemaCompilationException("$ref", ptr, $"only local JSON-pointer references are supported, not '{reference}'");
        }

        var target = Uri.UnescapeDataString(r);
        if (_byPointer.TryGetValue(target, out var known))
        {
            return known;
        }

        return Read(Resolve(target, ptr), target);
    }

    private JsonElement Resolve(string pointer, string? from = null)
    {
        var e = _root;
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
                throw new SchemaCompilationException("$ref", from ?? pointer, $"reference '{pointer}' does not resolve");
            }
        }

        return e;
    }
}

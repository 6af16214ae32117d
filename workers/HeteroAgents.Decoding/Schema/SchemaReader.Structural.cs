using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>Object, array, combinator and reference keywords.</summary>
internal sealed partial class SchemaReader
{
    private void ReadStructural(SchemaInfo s, string keyword, JsonElement v, ReadContext context)
    {
        var ptr = context.At;
        var kp = Child(context.Ptr, keyword);
        var scope = context.Scope;
        switch (keyword)
        {
            case "properties":
                RequireObject(v, keyword, ptr);
                foreach (var p in v.EnumerateObject())
                {
                    s.Properties.Add((p.Name, Read(p.Value, Child(kp, p.Name), scope)));
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
            case "additionalProperties": s.AdditionalProperties = Read(v, kp, scope); break;
            case "patternProperties":
                RequireObject(v, keyword, ptr);
                foreach (var p in v.EnumerateObject())
                {
                    s.PatternProperties.Add((p.Name, Read(p.Value, Child(kp, p.Name), scope), kp));
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
                        s.PrefixItems.Add(Read(item, Child(kp, (i++).ToString(System.Globalization.CultureInfo.InvariantCulture)), scope));
                    }

                    // draft-07 tuple form: items after the tuple are governed by additionalItems (default: any).
                    if (context.Element.TryGetProperty("additionalItems", out var ai))
                    {
                        s.Items = Read(ai, Child(context.Ptr, "additionalItems"), scope);
                    }
                }
                else
                {
                    s.Items = Read(v, kp, scope);
                }

                break;
            case "prefixItems":
                var n = 0;
                foreach (var item in v.EnumerateArray())
                {
                    s.PrefixItems.Add(Read(item, Child(kp, (n++).ToString(System.Globalization.CultureInfo.InvariantCulture)), scope));
                }

                break;
            case "minItems": s.MinItems = ReadCount(v, keyword, ptr); break;
            case "maxItems": s.MaxItems = ReadCount(v, keyword, ptr); break;
            case "uniqueItems":
                s.UniqueItems = v.ValueKind == JsonValueKind.True;
                break;
            case "unevaluatedProperties":
                s.UnevaluatedProperties = Read(v, kp, scope);
                UsesUnevaluated = true;
                break;
            case "unevaluatedItems":
                s.UnevaluatedItems = Read(v, kp, scope);
                UsesUnevaluated = true;
                break;
            case "not": s.Not.Add(Read(v, kp, scope)); break;
            case "propertyNames": s.PropertyNames = Read(v, kp, scope); break;
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
                        s.DependentSchemas.Add((p.Name, Read(p.Value, Child(kp, p.Name), scope)));
                    }
                    else
                    {
                        throw new SchemaCompilationException(keyword, ptr, "dependentRequired values must be arrays of property names");
                    }
                }

                break;
            case "$ref":
                s.AllOf.Add(ReadRef(ReadString(v, keyword, ptr), scope, keyword, ptr));
                break;
            case "$dynamicRef":
                s.AllOf.Add(ReadDynamicRef(ReadString(v, keyword, ptr), scope, ptr));
                break;
            case "allOf":
                s.AllOf.AddRange(ReadList(v, keyword, kp, scope));
                break;
            case "anyOf":
                s.AnyOf.Add(ReadList(v, keyword, kp, scope));
                break;
            case "oneOf":
                s.OneOf.Add(ReadList(v, keyword, kp, scope));
                break;
        }
    }

    private List<SchemaInfo> ReadList(JsonElement v, string keyword, string kp, SchemaScope scope)
    {
        if (v.ValueKind != JsonValueKind.Array || v.GetArrayLength() == 0)
        {
            throw new SchemaCompilationException(keyword, Display(scope.Document, kp), $"{keyword} must be a non-empty array");
        }

        var list = new List<SchemaInfo>();
        var i = 0;
        foreach (var item in v.EnumerateArray())
        {
            list.Add(Read(item, kp + "/" + (i++).ToString(System.Globalization.CultureInfo.InvariantCulture), scope));
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
}

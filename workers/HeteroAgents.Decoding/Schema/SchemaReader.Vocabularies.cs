using System.Text.Json;

namespace HeteroAgents.Decoding.Schema;

/// <summary>Vocabularies declared by a custom metaschema (<c>$vocabulary</c>).</summary>
internal sealed partial class SchemaReader
{
    private static readonly string[] s_validationKeywords =
    [
        "type", "enum", "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength", "minLength",
        "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains", "maxProperties", "minProperties", "required",
        "dependentRequired",
    ];

    private static readonly string[] s_applicatorKeywords =
    [
        "prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties", "dependentSchemas", "propertyNames",
        "if", "then", "else", "allOf", "anyOf", "oneOf", "not",
    ];

    /// <summary>Keywords of vocabularies the root's metaschema does not list (they are then ignored).</summary>
    private readonly HashSet<string> _ignored = new(StringComparer.Ordinal);

    private bool _assertFormat;

    /// <summary>
    /// A <c>$schema</c> naming one of the given documents declares its vocabularies (<c>$vocabulary</c>): keywords of
    /// a vocabulary it leaves out are not assertions, and the format-assertion vocabulary turns format assertion on.
    /// </summary>
    private void ApplyVocabularies(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("$schema", out var declared) || declared.ValueKind != JsonValueKind.String
            || _options.Documents is not { } documents || !documents.TryGetValue(declared.GetString()!, out var meta)
            || meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("$vocabulary", out var vocabularies) || vocabularies.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var names = vocabularies.EnumerateObject().Select(p => p.Name).ToList();
        bool Has(string vocabulary) => names.Any(n => n.EndsWith("/vocab/" + vocabulary, StringComparison.Ordinal));
        if (!Has("validation"))
        {
            _ignored.UnionWith(s_validationKeywords);
        }

        if (!Has("applicator"))
        {
            _ignored.UnionWith(s_applicatorKeywords);
        }

        if (!Has("unevaluated"))
        {
            _ignored.UnionWith(["unevaluatedProperties", "unevaluatedItems"]);
        }

        _assertFormat |= Has("format-assertion");
    }
}

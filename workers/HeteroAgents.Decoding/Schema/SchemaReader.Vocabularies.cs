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

    /// <summary>The dialect of each document, in the order of <c>_documents</c>.</summary>
    private readonly List<DocumentDialect> _dialects = [];

    private bool _assertFormat;

    /// <summary>Keywords by the draft that introduced them (later drafts keep them).</summary>
    private static readonly (int Draft, string[] Keywords)[] s_introduced =
    [
        (6, ["const", "contains", "propertyNames"]),
        (7, ["if", "then", "else", "contentMediaType", "contentEncoding"]),
        (2019, ["dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems", "minContains", "maxContains", "$anchor", "$recursiveRef", "$recursiveAnchor"]),
        (2020, ["prefixItems", "$dynamicRef", "$dynamicAnchor"]),
    ];

    /// <summary>
    /// The dialect of a document: its own <c>$schema</c>, else the schema's (or the configured default). A document
    /// of an older draft does not know keywords introduced later: they are unknown keywords there, i.e. annotations.
    /// </summary>
    private DocumentDialect DialectOf(JsonElement root, DocumentDialect? inherited)
    {
        var fallback = inherited?.Draft ?? _options.DefaultDialect switch { SchemaDialect.Draft7 => 7, SchemaDialect.Draft201909 => 2019, _ => 2020 };
        var declared = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("$schema", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
        var draft = declared.Contains("draft-03", StringComparison.Ordinal) || declared.Contains("draft-04", StringComparison.Ordinal) ? 4
            : declared.Contains("draft-06", StringComparison.Ordinal) ? 6
            : declared.Contains("draft-07", StringComparison.Ordinal) ? 7
            : declared.Contains("2019-09", StringComparison.Ordinal) ? 2019
            : declared.Contains("2020-12", StringComparison.Ordinal) ? 2020 : fallback;
        var ignored = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (introduced, keywords) in s_introduced)
        {
            if (introduced > draft)
            {
                ignored.UnionWith(keywords);
            }
        }

        return new DocumentDialect(draft, ignored);
    }

    /// <summary>
    /// A <c>$schema</c> naming one of the given documents declares its vocabularies (<c>$vocabulary</c>): keywords of
    /// a vocabulary it leaves out are not assertions, and the format-assertion vocabulary turns format assertion on.
    /// </summary>
    private void ApplyVocabularies(JsonElement root, DocumentDialect dialect)
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
            dialect.Ignored.UnionWith(s_validationKeywords);
        }

        if (!Has("applicator"))
        {
            dialect.Ignored.UnionWith(s_applicatorKeywords);
        }

        if (!Has("unevaluated"))
        {
            dialect.Ignored.UnionWith(["unevaluatedProperties", "unevaluatedItems"]);
        }

        _assertFormat |= Has("format-assertion");
    }
}

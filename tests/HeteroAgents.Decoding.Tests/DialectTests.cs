namespace HeteroAgents.Decoding.Tests;

/// <summary>Behaviour that depends on the schema dialect or on JSON value equality rather than spelling.</summary>
public sealed class DialectTests
{
    [Fact]
    public void Dates_are_calendar_exact()
    {
        const string s = """{"type":"string","format":"date"}""";
        SchemaAssert.Accepts(s, "\"2024-02-29\"", "\"2000-02-29\"", "\"2023-04-30\"", "\"2023-12-31\"");
        SchemaAssert.Rejects(s, "\"2023-02-29\"", "\"1900-02-29\"", "\"2022-02-30\"", "\"2023-04-31\"", "\"2023-00-10\"");
    }

    [Fact]
    public void Numeric_enum_values_match_by_value()
    {
        SchemaAssert.Accepts("""{"enum":[2.0,"a"]}""", "2", "2.0", "\"a\"");
        SchemaAssert.Accepts("""{"const":3}""", "3", "3.0");
        SchemaAssert.Rejects("""{"const":3}""", "3.5", "30", "\"3\"");
    }

    [Fact]
    public void Draft07_ref_ignores_sibling_keywords_but_2020_12_applies_them()
    {
        const string draft7 = """{"$schema":"http://json-schema.org/draft-07/schema#","definitions":{"s":{"type":"string"}},"$ref":"#/definitions/s","maxLength":2}""";
        SchemaAssert.Accepts(draft7, "\"long string\"");
        const string modern = """{"$schema":"https://json-schema.org/draft/2020-12/schema","$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","maxLength":2}""";
        SchemaAssert.Accepts(modern, "\"ab\"");
        SchemaAssert.Rejects(modern, "\"long string\"");
    }

    [Fact]
    public void Draft04_plain_name_id_is_a_fragment_a_reference_can_name()
    {
        // MaskBench Github_easy---o35906: draft-04 spells the identifier "id"; "#solarSystemId" names a subschema.
        const string s = """
            {"$schema":"http://json-schema.org/draft-04/schema#",
             "definitions":{"sid":{"id":"#solarSystemId","type":"integer","minimum":0},
                            "list":{"type":"array","items":{"$ref":"#solarSystemId"}}},
             "properties":{"ids":{"$ref":"#/definitions/list"}}}
            """;
        SchemaAssert.Accepts(s, """{"ids":[0,7]}""");
        SchemaAssert.Rejects(s, """{"ids":[-1]}""", """{"ids":["7"]}""");
    }

    [Fact]
    public void Draft04_ignores_dollar_id_so_references_resolve_against_the_document()
    {
        // MaskBench JsonSchemaStore---base.json: "$id" is an unknown keyword in draft-04, not a new base URI.
        const string s = """
            {"$schema":"http://json-schema.org/draft-04/schema#",
             "definitions":{"path":{"type":"string","minLength":1},
                            "nullable-path":{"$id":"nullable-path","oneOf":[{"$ref":"#/definitions/path"},{"type":"null"}]}},
             "properties":{"p":{"$ref":"#/definitions/nullable-path"}}}
            """;
        SchemaAssert.Accepts(s, """{"p":"a"}""", """{"p":null}""");
        SchemaAssert.Rejects(s, """{"p":""}""", """{"p":1}""");
    }

    [Fact]
    public void Draft04_id_changes_the_base_uri_of_relative_references()
    {
        const string s = """
            {"$schema":"http://json-schema.org/draft-04/schema#","id":"http://example.com/root.json",
             "definitions":{"n":{"id":"http://example.com/other/n.json","type":"integer"}},
             "properties":{"x":{"$ref":"other/n.json"}}}
            """;
        SchemaAssert.Accepts(s, """{"x":3}""");
        SchemaAssert.Rejects(s, """{"x":"3"}""");
    }

    [Fact]
    public void Uri_template_literal_may_hold_an_apostrophe_and_ipvfuture_may_start_with_uppercase_v()
    {
        SchemaAssert.Accepts("""{"type":"string","format":"uri-template"}""", "\"a'b\"", "\"http://x/{a}'\"");
        SchemaAssert.Rejects("""{"type":"string","format":"uri-template"}""", "\"a b\"", "\"{a,}\"");
        SchemaAssert.Accepts("""{"type":"string","format":"iri"}""", "\"http://[V1.fe]\"", "\"http://[v1.fe]\"");
        SchemaAssert.Rejects("""{"type":"string","format":"uri"}""", "\"http://[W1.fe]\"", "\"http://[V1]\"");
    }

    [Fact]
    public void Uri_reference_first_segment_cannot_hold_a_colon()
    {
        const string s = """{"type":"string","format":"uri-reference"}""";
        SchemaAssert.Accepts(s, "\"../a/b?c#d\"", "\"https://x.org/\"", "\"a/b:c\"");
        SchemaAssert.Rejects(s, "\"://\"", "\"a b\"");
    }
}

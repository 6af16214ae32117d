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
    public void Uri_reference_first_segment_cannot_hold_a_colon()
    {
        const string s = """{"type":"string","format":"uri-reference"}""";
        SchemaAssert.Accepts(s, "\"../a/b?c#d\"", "\"https://x.org/\"", "\"a/b:c\"");
        SchemaAssert.Rejects(s, "\"://\"", "\"a b\"");
    }
}

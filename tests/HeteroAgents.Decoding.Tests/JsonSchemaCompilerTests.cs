namespace HeteroAgents.Decoding.Tests;

public sealed class JsonSchemaCompilerTests
{
    [Theory]
    [InlineData("""{"$ref":"http://example.com/other.json"}""", "$ref", "#")]
    [InlineData("""{"properties":{"x":{"type":"string","pattern":"(a)\\1"}}}""", "pattern", "#/properties/x")]
    [InlineData("""{"type":"string","format":"idn-hostname"}""", "format", "#")]
    [InlineData("""{"$defs":{"a":{"$ref":"#/$defs/a"}},"$ref":"#/$defs/a"}""", "$ref", "#/$defs/a")]
    [InlineData("""{"type":"object","propertyNames":{"oneOf":[{"minLength":2},{"pattern":"a"}]}}""", "propertyNames", "#")]
    [InlineData("""{"$ref":"#/definitions/missing"}""", "$ref", "#")]
    [InlineData("""{"$recursiveRef":"#"}""", "$recursiveRef", "#")]
    [InlineData("""{"minimum":0.12345678901234567890123456789012}""", "minimum", "#")]
    [InlineData("""{"$schema":"http://json-schema.org/draft-07/schema#","contentMediaType":"application/json"}""", "contentMediaType", "#")]
    [InlineData("""{"enum":[1e40]}""", "enum", "#")]
    public void Unsupported_or_invalid_schemas_fail_naming_keyword_and_pointer(string schema, string keyword, string pointer)
    {
        var ex = SchemaAssert.CompileFails(schema);
        Assert.Equal(keyword, ex.Keyword);
        Assert.Equal(pointer, ex.JsonPointer);
        Assert.Contains(keyword, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_schema_json_fails_with_a_compilation_error()
    {
        var ex = SchemaAssert.CompileFails("""{"type": """);
        Assert.Contains("not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_annotation_keywords_and_formats_are_ignored()
    {
        SchemaAssert.Accepts("""{"type":"string","format":"int32-ish","title":"t","x-custom":1,"examples":["a"]}""", "\"anything\"");
    }

    [Fact]
    public void Options_are_validated()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JsonSchemaCompiler.Compile("{}", new JsonSchemaCompilerOptions { MaxNesting = 0 }));
    }

    [Fact]
    public void Oneof_with_discriminator_is_accepted_and_exclusive()
    {
        const string schema = """
            {"oneOf":[
              {"type":"object","properties":{"kind":{"const":"a"},"x":{"type":"integer"}},"required":["kind"]},
              {"type":"object","properties":{"kind":{"const":"b"},"y":{"type":"string"}},"required":["kind"]}]}
            """;
        SchemaAssert.Accepts(schema, """{"kind":"a","x":1}""", """{"kind":"b","y":"s"}""");
        SchemaAssert.Rejects(schema, """{"kind":"c"}""", """{"kind":"a","x":"s"}""");
    }
}

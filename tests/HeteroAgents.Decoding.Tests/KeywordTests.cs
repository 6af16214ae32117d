namespace HeteroAgents.Decoding.Tests;

/// <summary>Per keyword family: each document is checked in validation mode and token by token (bytes and cl100k).</summary>
public sealed class KeywordTests
{
    [Fact]
    public void Types_and_unions()
    {
        SchemaAssert.Accepts("""{"type":["string","null"]}""", "\"x\"", "null");
        SchemaAssert.Rejects("""{"type":["string","null"]}""", "1", "true", "{}", "nul", "");
        SchemaAssert.Accepts("""{"type":"boolean"}""", "true", "false");
        SchemaAssert.Rejects("""{"type":"boolean"}""", "truefalse", "tru");
        SchemaAssert.Accepts("{}", "{\"a\":[1,{\"b\":null}]}", "\"s\"", "-1.5e3", "[]");
        SchemaAssert.Rejects("false", "null", "{}");
    }

    [Fact]
    public void Enum_and_const()
    {
        SchemaAssert.Accepts("""{"enum":["red","green",1,null,{"a":1}]}""", "\"red\"", "\"green\"", "1", "null", "{\"a\":1}");
        SchemaAssert.Rejects("""{"enum":["red","green",1,null]}""", "\"re\"", "\"redd\"", "12", "2", "\"blue\"");
        SchemaAssert.Accepts("""{"const":"x"}""", "\"x\"");
        SchemaAssert.Rejects("""{"const":"x"}""", "\"y\"");
        // enum values that contradict the rest of the schema are dropped
        SchemaAssert.Rejects("""{"type":"string","enum":["a",1]}""", "1");
        SchemaAssert.Accepts("""{"type":"string","enum":["a",1]}""", "\"a\"");
    }

    [Fact]
    public void String_escapes_and_surrogate_pairs()
    {
        const string s = """{"type":"string"}""";
        SchemaAssert.Accepts(s, "\"a\\\"b\\\\c\\/\\n\\t\\r\\b\\f\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"", "\"😀é中\"", "\"\"");
        SchemaAssert.Rejects(s, "\"\\x\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ud83d\\u0041\"", "\"a\nb\"", "\"abc", "\"\\u12g4\"");
    }

    [Fact]
    public void String_lengths_count_code_points()
    {
        const string s = """{"type":"string","minLength":2,"maxLength":3}""";
        SchemaAssert.Accepts(s, "\"ab\"", "\"abc\"", "\"éé\"", "\"😀😀😀\"", "\"\\n\\u0041\"");
        SchemaAssert.Rejects(s, "\"a\"", "\"abcd\"", "\"😀\"", "\"\\n\\n\\n\\n\"");
    }

    [Fact]
    public void Patterns_use_search_semantics()
    {
        SchemaAssert.Accepts("""{"type":"string","pattern":"^[a-z]+-\\d{2,3}$"}""", "\"ab-12\"", "\"x-999\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"^[a-z]+-\\d{2,3}$"}""", "\"ab-1\"", "\"AB-12\"", "\"ab-1234\"");
        SchemaAssert.Accepts("""{"type":"string","pattern":"b+"}""", "\"abbbc\"", "\"b\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"b+"}""", "\"ac\"");
        SchemaAssert.Accepts("""{"type":"string","pattern":"^(?:foo|bar)\\.[^\\s]*$"}""", "\"foo.x\"", "\"bar.\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"^(?:foo|bar)\\.[^\\s]*$"}""", "\"baz.x\"", "\"foo.a b\"");
    }

    [Fact]
    public void Anchors_anywhere_and_lookarounds_at_anchored_ends()
    {
        const string anchors = """{"type":"string","pattern":"(^[_$]?[a-z]\\w+$)|(^\\[.*\\]$|^\\$$)"}""";
        SchemaAssert.Accepts(anchors, "\"_ab\"", "\"abc1\"", "\"[x]\"", "\"$\"");
        SchemaAssert.Rejects(anchors, "\"Ab\"", "\"a\"", "\"[x\"", "\"$$\"", "\"x[y]\"");
        const string ahead = """{"type":"string","pattern":"^(?!@@)[@a-z_]+$"}""";
        SchemaAssert.Accepts(ahead, "\"@a\"", "\"a@@\"");
        SchemaAssert.Rejects(ahead, "\"@@a\"", "\"@@\"", "\"A\"");
        SchemaAssert.Accepts("""{"type":"string","pattern":"^(?!pattern$).*$"}""", "\"patterns\"", "\"\"", "\"x\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"^(?!pattern$).*$"}""", "\"pattern\"");
        SchemaAssert.Accepts("""{"type":"string","pattern":"^(?=.*\\d)[a-z0-9]{3}$"}""", "\"ab1\"", "\"123\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"^(?=.*\\d)[a-z0-9]{3}$"}""", "\"abc\"", "\"ab12\"");
        SchemaAssert.Accepts("""{"type":"string","pattern":"^[a-z.]+(?<!\\.)$"}""", "\"a.b\"");
        SchemaAssert.Rejects("""{"type":"string","pattern":"^[a-z.]+(?<!\\.)$"}""", "\"a.\"");
        SchemaAssert.Accepts("""{"type":"object","patternProperties":{"^(?!x-)":{"type":"integer"}},"additionalProperties":{"type":"string"}}""", "{\"a\":1,\"x-a\":\"s\"}");
        SchemaAssert.Rejects("""{"type":"object","patternProperties":{"^(?!x-)":{"type":"integer"}},"additionalProperties":{"type":"string"}}""", "{\"a\":\"s\"}", "{\"x-a\":1}");
    }

    [Fact]
    public void Formats()
    {
        SchemaAssert.Accepts("""{"type":"string","format":"date-time"}""", "\"2024-02-29T13:45:00Z\"", "\"2024-01-01T00:00:00.123+05:30\"");
        SchemaAssert.Rejects("""{"type":"string","format":"date-time"}""", "\"2024-13-01T00:00:00Z\"", "\"2024-01-01\"");
        SchemaAssert.Accepts("""{"type":"string","format":"uuid"}""", "\"123e4567-e89b-12d3-a456-426614174000\"");
        SchemaAssert.Rejects("""{"type":"string","format":"uuid"}""", "\"123e4567\"");
        SchemaAssert.Accepts("""{"type":"string","format":"email"}""", "\"a.b@example.com\"");
        SchemaAssert.Rejects("""{"type":"string","format":"email"}""", "\"a@@b\"", "\"no-at\"");
        SchemaAssert.Accepts("""{"type":"string","format":"ipv4"}""", "\"192.168.0.255\"");
        SchemaAssert.Rejects("""{"type":"string","format":"ipv4"}""", "\"256.1.1.1\"");
        SchemaAssert.Accepts("""{"type":"string","format":"date"}""", "\"2020-12-31\"");
        SchemaAssert.Accepts("""{"type":"string","format":"uri"}""", "\"https://example.com/a?b=c#d\"");
        SchemaAssert.Rejects("""{"type":"string","format":"uri"}""", "\"not a uri\"");
    }

    [Fact]
    public void Numbers_follow_the_json_grammar()
    {
        const string s = """{"type":"number"}""";
        SchemaAssert.Accepts(s, "-0.0e+10", "0", "-0", "1E5", "3.25", "1e-7", "10");
        SchemaAssert.Rejects(s, "01", "-", "1.", ".5", "1e", "+1", "1e+", "--1", "0x10", "NaN");
    }

    [Fact]
    public void Number_bounds_are_exact()
    {
        const string s = """{"type":"number","minimum":-1.5,"exclusiveMaximum":10}""";
        SchemaAssert.Accepts(s, "-1.5", "9.999", "0", "1e0", "-15e-1");
        SchemaAssert.Rejects(s, "-1.51", "10", "10.0", "1e1", "100");
        SchemaAssert.Accepts("""{"type":"number","multipleOf":0.01}""", "1.25", "3");
        SchemaAssert.Rejects("""{"type":"number","multipleOf":0.01}""", "1.255");
        SchemaAssert.Accepts("""{"allOf":[{"multipleOf":0.5},{"multipleOf":0.3}]}""", "1.5", "3", "0");
        SchemaAssert.Rejects("""{"allOf":[{"multipleOf":0.5},{"multipleOf":0.3}]}""", "0.5", "0.3", "1", "0.9");
    }

    [Fact]
    public void Integer_ranges_prune_prefixes()
    {
        const string s = """{"type":"integer","minimum":-5,"maximum":120}""";
        SchemaAssert.Accepts(s, "-5", "0", "120", "99", "-0.0", "7.00");
        SchemaAssert.Rejects(s, "-6", "121", "1.5", "1e2", "1000", "120.5");
        // draft-04 boolean exclusiveMinimum
        SchemaAssert.Rejects("""{"type":"integer","minimum":0,"exclusiveMinimum":true}""", "0");
        SchemaAssert.Accepts("""{"type":"integer","minimum":0,"exclusiveMinimum":true}""", "1");
    }

    [Fact]
    public void Objects_required_and_additional_properties()
    {
        const string s = """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"string"}},"required":["a"],"additionalProperties":false}""";
        SchemaAssert.Accepts(s, "{\"a\":1}", "{\"a\":1,\"b\":\"x\"}");
        SchemaAssert.Rejects(s, "{}", "{\"b\":\"x\"}", "{\"a\":1,\"c\":2}", "{\"a\":1,\"a\":2}", "{\"a\":\"1\"}", "{\"a\":1,}");
        const string typed = """{"type":"object","additionalProperties":{"type":"integer"},"minProperties":1,"maxProperties":2}""";
        SchemaAssert.Accepts(typed, "{\"x\":1}", "{\"x\":1,\"y\":2}");
        SchemaAssert.Rejects(typed, "{}", "{\"x\":\"s\"}", "{\"x\":1,\"y\":2,\"z\":3}");
    }

    [Fact]
    public void Pattern_properties()
    {
        const string s = """{"type":"object","patternProperties":{"^x-":{"type":"integer"}},"additionalProperties":false}""";
        SchemaAssert.Accepts(s, "{\"x-a\":1,\"x-b\":2}", "{}");
        SchemaAssert.Rejects(s, "{\"y\":1}", "{\"x-a\":\"s\"}");
    }

    [Fact]
    public void Property_order_follows_the_schema_by_default()
    {
        const string s = """{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"integer"}},"required":["a","b"]}""";
        SchemaAssert.Accepts(s, "{\"a\":1,\"b\":2}");
        SchemaAssert.Rejects(s, "{\"b\":2,\"a\":1}");
        SchemaAssert.Check(s, true, new JsonSchemaCompilerOptions { PropertyOrder = PropertyOrderMode.Any }, "{\"b\":2,\"a\":1}");
    }

    [Fact]
    public void Arrays_items_prefix_items_and_lengths()
    {
        const string s = """{"type":"array","items":{"type":"integer"},"minItems":1,"maxItems":3}""";
        SchemaAssert.Accepts(s, "[1]", "[1,2,3]");
        SchemaAssert.Rejects(s, "[]", "[1,2,3,4]", "[1,\"a\"]", "[1,]", "[,1]");
        const string tuple = """{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}],"items":false}""";
        SchemaAssert.Accepts(tuple, "[\"a\",1]", "[\"a\"]", "[]");
        SchemaAssert.Rejects(tuple, "[1,\"a\"]", "[\"a\",1,2]");
        const string draft7 = """{"type":"array","items":[{"type":"string"}],"additionalItems":{"type":"boolean"}}""";
        SchemaAssert.Accepts(draft7, "[\"a\",true,false]");
        SchemaAssert.Rejects(draft7, "[\"a\",1]");
    }

    [Fact]
    public void AnyOf_with_shared_prefixes()
    {
        const string s = """{"anyOf":[{"type":"string","pattern":"^abc$"},{"type":"string","pattern":"^abd$"},{"type":"object","properties":{"k":{"type":"integer"}},"required":["k"],"additionalProperties":false},{"type":"object","properties":{"k":{"type":"string"}},"required":["k"],"additionalProperties":false}]}""";
        SchemaAssert.Accepts(s, "\"abc\"", "\"abd\"", "{\"k\":1}", "{\"k\":\"v\"}");
        SchemaAssert.Rejects(s, "\"abe\"", "{\"k\":true}", "{\"k\":1,\"j\":2}");
    }

    [Fact]
    public void AllOf_merges()
    {
        const string s = """{"allOf":[{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"]},{"properties":{"b":{"type":"string"}},"required":["b"]},{"properties":{"a":{"minimum":5}}}]}""";
        SchemaAssert.Accepts(s, "{\"a\":5,\"b\":\"x\"}");
        SchemaAssert.Rejects(s, "{\"a\":4,\"b\":\"x\"}", "{\"a\":5}", "{\"b\":\"x\"}");
    }

    [Fact]
    public void Recursive_refs_and_deep_nesting()
    {
        const string s = """{"$defs":{"node":{"type":"object","properties":{"v":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["v"]}},"$ref":"#/$defs/node"}""";
        SchemaAssert.Accepts(s, "{\"v\":1,\"children\":[{\"v\":2,\"children\":[{\"v\":3}]},{\"v\":4}]}");
        SchemaAssert.Rejects(s, "{\"v\":1,\"children\":[{\"children\":[]}]}");
        var deep = string.Concat(Enumerable.Repeat("[", 20)) + string.Concat(Enumerable.Repeat("]", 20));
        SchemaAssert.Accepts("""{"$ref":"#/definitions/a","definitions":{"a":{"type":"array","items":{"$ref":"#/definitions/a"}}}}""", deep);
        var tooDeep = string.Concat(Enumerable.Repeat("[", 40)) + string.Concat(Enumerable.Repeat("]", 40));
        SchemaAssert.Rejects("{}", tooDeep);
    }

    [Fact]
    public void Nullable_dialect()
    {
        SchemaAssert.Accepts("""{"type":"string","nullable":true}""", "null", "\"a\"");
        SchemaAssert.Rejects("""{"type":"string"}""", "null");
    }

    [Fact]
    public void Whitespace_modes()
    {
        const string s = """{"type":"object","properties":{"a":{"type":"array"}}}""";
        SchemaAssert.Rejects(s, "{ \"a\": [] }");
        SchemaAssert.Check(s, true, new JsonSchemaCompilerOptions { Whitespace = WhitespaceMode.Flexible }, "{ \"a\" : [ 1 , 2 ] }\n", "{\n  \"a\": []\n}");
        SchemaAssert.Check(s, false, new JsonSchemaCompilerOptions { Whitespace = WhitespaceMode.Flexible, MaxConsecutiveWhitespace = 2 }, "{   \"a\":[]}");
    }
}

namespace HeteroAgents.Decoding.Tests;

/// <summary>
/// Keywords checked by groups or expanded into alternatives: each document in validation mode and token by token
/// (bytes and cl100k), property order free.
/// </summary>
public sealed class CombinatorTests
{
    private static readonly JsonSchemaCompilerOptions s_any = new() { PropertyOrder = PropertyOrderMode.Any };

    private static void Accepts(string schema, params string[] docs) => SchemaAssert.Check(schema, true, s_any, docs);

    private static void Rejects(string schema, params string[] docs) => SchemaAssert.Check(schema, false, s_any, docs);

    [Fact]
    public void Not_complements_types_values_and_nested_objects()
    {
        Accepts("""{"not":{"type":"string"}}""", "1", "null", "{}", "[\"a\"]");
        Rejects("""{"not":{"type":"string"}}""", "\"a\"", "\"\"");
        Accepts("""{"type":"string","not":{"enum":["a","b"]}}""", "\"c\"", "\"ab\"", "\"\"");
        Rejects("""{"type":"string","not":{"enum":["a","b"]}}""", "\"a\"", "\"b\"");
        const string nested = """{"type":"object","properties":{"x":{"not":{"type":"object","required":["y"]}}}}""";
        Accepts(nested, "{\"x\":{\"z\":1}}", "{\"x\":1}", "{}");
        Rejects(nested, "{\"x\":{\"y\":1}}", "{\"x\":{\"z\":1,\"y\":[]}}");
        Accepts("""{"not":{"not":{"multipleOf":3}}}""", "9", "\"s\"");
        Rejects("""{"not":{"not":{"multipleOf":3}}}""", "10");
    }

    [Fact]
    public void Presence_conditions_are_checked_on_the_object_keys()
    {
        // Mutually exclusive properties, the common dependencies idiom, in any order.
        const string s = """{"type":"object","dependencies":{"a":{"not":{"required":["b"]}},"b":{"not":{"required":["a"]}}},"anyOf":[{"required":["a"]},{"required":["b"]},{"required":["c"]}]}""";
        Accepts(s, "{\"a\":1}", "{\"b\":1,\"x\":2}", "{\"c\":0}", "{\"c\":0,\"a\":1}");
        Rejects(s, "{}", "{\"a\":1,\"b\":2}", "{\"b\":2,\"c\":1,\"a\":1}", "{\"x\":1}");
        Accepts("""{"not":{"type":"integer"}}""", "1.5", "\"s\"", "-0.25e1");
        Rejects("""{"not":{"type":"integer"}}""", "1", "1.0", "0", "10e-1");
    }

    [Fact]
    public void Overlapping_oneOf_accepts_exactly_one_match()
    {
        const string s = """{"type":"object","oneOf":[{"required":["side"]},{"required":["radius"]},{"required":["base","height"]}]}""";
        Accepts(s, "{\"side\":5}", "{\"radius\":2}", "{\"base\":1,\"height\":2}", "{\"base\":1,\"height\":2,\"x\":0}");
        Rejects(s, "{}", "{\"side\":5,\"radius\":2}", "{\"base\":1}", "{\"side\":1,\"base\":1,\"height\":2}");
        Accepts("""{"oneOf":[{"type":"integer"},{"minimum":2}]}""", "1", "2.5");
        Rejects("""{"oneOf":[{"type":"integer"},{"minimum":2}]}""", "3", "1.5");
    }

    [Fact]
    public void If_then_else_picks_the_branch_by_the_condition()
    {
        const string s = """{"type":"object","if":{"properties":{"country":{"const":"US"}},"required":["country"]},"then":{"required":["zip"]},"else":{"required":["postcode"]}}""";
        Accepts(s, "{\"country\":\"US\",\"zip\":\"1\"}", "{\"country\":\"FR\",\"postcode\":\"2\"}", "{\"postcode\":\"3\"}");
        Rejects(s, "{\"country\":\"US\",\"postcode\":\"1\"}", "{\"country\":\"FR\",\"zip\":\"2\"}", "{}");
    }

    [Fact]
    public void Dependencies_hold_in_any_property_order()
    {
        const string required = """{"type":"object","dependentRequired":{"card":["billing"]}}""";
        Accepts(required, "{}", "{\"billing\":1}", "{\"card\":1,\"billing\":2}", "{\"billing\":2,\"card\":1}");
        Rejects(required, "{\"card\":1}", "{\"x\":0,\"card\":1}");
        const string schemas = """{"type":"object","dependentSchemas":{"card":{"required":["billing"],"properties":{"billing":{"type":"string"}}}}}""";
        Accepts(schemas, "{}", "{\"billing\":1}", "{\"billing\":\"a\",\"card\":1}");
        Rejects(schemas, "{\"card\":1}", "{\"card\":1,\"billing\":1}");
        const string draft7 = """{"$schema":"http://json-schema.org/draft-07/schema#","dependencies":{"a":["b"],"c":{"properties":{"d":{"type":"integer"}}}}}""";
        Accepts(draft7, "{\"b\":1,\"a\":1}", "{\"c\":1,\"d\":2}", "{\"d\":\"x\"}");
        Rejects(draft7, "{\"a\":1}", "{\"c\":1,\"d\":\"x\"}");
    }

    [Fact]
    public void Property_names_restrict_every_key()
    {
        const string s = """{"type":"object","propertyNames":{"pattern":"^[a-z]+$","maxLength":3}}""";
        Accepts(s, "{}", "{\"ab\":1,\"xyz\":[]}");
        Rejects(s, "{\"abcd\":1}", "{\"A\":1}", "{\"a1\":true}");
        Rejects("""{"type":"object","propertyNames":false}""", "{\"a\":1}");
        Accepts("""{"type":"object","propertyNames":{"not":{"enum":["x","y"]}}}""", "{\"z\":1}", "{\"xy\":1}");
        Rejects("""{"type":"object","propertyNames":{"not":{"enum":["x","y"]}}}""", "{\"x\":1}", "{\"z\":1,\"y\":2}");
        Accepts("""{"type":"object","propertyNames":false}""", "{}");
    }

    [Fact]
    public void Contains_counts_matching_items()
    {
        const string s = """{"type":"array","contains":{"type":"integer","minimum":5},"minContains":2,"maxContains":3}""";
        Accepts(s, "[5,6]", "[1,5,\"x\",9,7]", "[5,5,5]");
        Rejects(s, "[]", "[5]", "[5,6,7,8]", "[1,2,3]");
        Accepts("""{"contains":{"const":"a"}}""", "[\"a\"]", "{}", "[1,\"a\"]");
        Rejects("""{"contains":{"const":"a"}}""", "[]", "[\"b\"]");
    }

    [Fact]
    public void Unique_items_compare_values_not_spellings()
    {
        const string s = """{"type":"array","uniqueItems":true}""";
        Accepts(s, "[]", "[1,2]", "[{\"a\":1},{\"a\":2}]", "[[1],[1,1]]", "[\"a\",\"b\"]", "[1,true]");
        Rejects(s, "[1,1]", "[1,1.0]", "[{\"a\":1,\"b\":2},{\"b\":2,\"a\":1}]", "[\"a\",\"\\u0061\"]", "[[1],[1.00]]", "[0,-0]");
    }

    [Fact]
    public void Unevaluated_properties_see_every_successful_subschema()
    {
        const string s = """{"type":"object","properties":{"a":{}},"anyOf":[{"properties":{"b":{}},"required":["b"]},{"properties":{"c":{}},"required":["c"]}],"unevaluatedProperties":false}""";
        Accepts(s, "{\"b\":1}", "{\"a\":1,\"c\":2}", "{\"b\":1,\"c\":2}");
        Rejects(s, "{\"b\":1,\"d\":2}", "{\"a\":1}", "{\"c\":1,\"x\":0}");
        const string items = """{"type":"array","prefixItems":[{"type":"string"}],"contains":{"type":"boolean"},"unevaluatedItems":{"type":"integer"}}""";
        Accepts(items, "[\"a\",true,1,2]", "[\"a\",false]");
        Rejects(items, "[\"a\",true,\"b\"]", "[\"a\",1]");
    }

    [Fact]
    public void References_resolve_as_uris()
    {
        const string s = """{"$id":"https://example.com/root.json","$defs":{"a":{"$id":"a.json","$anchor":"thing","type":"integer"},"b":{"$ref":"a.json#thing"}},"properties":{"x":{"$ref":"#/$defs/b"},"y":{"$ref":"https://example.com/a.json"}}}""";
        Accepts(s, "{\"x\":1,\"y\":2}");
        Rejects(s, "{\"x\":\"1\"}", "{\"y\":1.5}");
        const string dynamic = """{"$id":"https://example.com/list","$defs":{"item":{"$dynamicAnchor":"item","type":"string"}},"type":"array","items":{"$dynamicRef":"#item"}}""";
        Accepts(dynamic, "[\"a\"]");
        Rejects(dynamic, "[1]");
    }

    [Fact]
    public void Enums_and_consts_match_by_value()
    {
        Accepts("""{"const":{"a":[1,{"b":null}],"c":"x"}}""", "{\"c\":\"x\",\"a\":[1.0,{\"b\":null}]}");
        Rejects("""{"const":{"a":[1,{"b":null}],"c":"x"}}""", "{\"c\":\"x\",\"a\":[1,{\"b\":0}]}", "{\"c\":\"x\"}");
        Accepts("""{"enum":[10,"ten"]}""", "10", "1e1", "10.0", "100e-1", "\"ten\"");
        Rejects("""{"enum":[10,"ten"]}""", "11", "1", "\"Ten\"");
    }
}

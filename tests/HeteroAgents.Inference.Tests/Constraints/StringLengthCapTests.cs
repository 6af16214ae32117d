using System.Text.Json.Nodes;
using HeteroAgents.Inference.Constraints;

namespace HeteroAgents.Inference.Tests.Constraints;

public sealed class StringLengthCapTests
{
    [Fact]
    public void Free_strings_get_the_cap_and_bounded_ones_and_data_are_left_alone()
    {
        const string schema = """
            {"type":"object","properties":{
              "free":{"type":"string"},
              "nullable":{"type":["string","null"]},
              "long":{"type":"string","minLength":40},
              "own":{"type":"string","maxLength":5},
              "id":{"type":"string","pattern":"^[A-Z]{2}$"},
              "mail":{"type":"string","format":"email"},
              "kind":{"type":"string","enum":["a","b"]},
              "n":{"type":"integer","default":{"type":"string"}}},
             "$defs":{"d":{"type":"string"}}}
            """;

        var capped = JsonNode.Parse(StringLengthCap.Apply(schema, 16))!;

        var p = capped["properties"]!;
        Assert.Equal(16, (int)p["free"]!["maxLength"]!);
        Assert.Equal(16, (int)p["nullable"]!["maxLength"]!);
        Assert.Equal(40, (int)p["long"]!["maxLength"]!);
        Assert.Equal(5, (int)p["own"]!["maxLength"]!);
        Assert.Null(p["id"]!["maxLength"]);
        Assert.Null(p["mail"]!["maxLength"]);
        Assert.Null(p["kind"]!["maxLength"]);
        Assert.Null(p["n"]!["default"]!["maxLength"]);
        Assert.Equal(16, (int)capped["$defs"]!["d"]!["maxLength"]!);
    }

    [Fact]
    public void Text_that_is_not_json_is_returned_unchanged_for_the_compiler_to_report()
    {
        Assert.Equal("{not json", StringLengthCap.Apply("{not json", 8));
    }
}

using HeteroAgents.Worker.Confidence;

namespace HeteroAgents.Worker.Tests.Confidence;

public sealed class JsonValueSpansTests
{
    [Fact]
    public void Every_leaf_value_is_found_with_its_path_and_its_exact_text()
    {
        const string output = """{"order_id": "A-1", "qty":12, "items":[{"ok":true},{"note":null}], "nested":{"x":"y"}}""";

        var spans = JsonValueSpans.Find(output);

        Assert.Equal(
            [("$.order_id", "\"A-1\""), ("$.qty", "12"), ("$.items[0].ok", "true"), ("$.items[1].note", "null"), ("$.nested.x", "\"y\"")],
            spans.Select(s => (s.Path, output[s.Start..s.End])));
    }

    [Fact]
    public void Offsets_are_characters_of_the_whole_output_whatever_the_fence_escapes_and_non_ascii_text()
    {
        const string output = "```json\n{\"name\":\"Zoë \\\"Z\\\" 😀\",\"city\":\"Köln\"}\n```";

        var spans = JsonValueSpans.Find(output);

        Assert.Equal(["\"Zoë \\\"Z\\\" 😀\"", "\"Köln\""], spans.Select(s => output[s.Start..s.End]));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("")]
    public void Output_without_json_has_no_values(string output) => Assert.Empty(JsonValueSpans.Find(output));

    [Fact]
    public void Broken_json_keeps_the_values_read_before_the_break()
    {
        var spans = JsonValueSpans.Find("""{"a":"x","b":""");

        Assert.Equal(["$.a"], spans.Select(s => s.Path));
    }
}

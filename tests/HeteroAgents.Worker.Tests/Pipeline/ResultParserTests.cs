using HeteroAgents.Worker.Pipeline;

namespace HeteroAgents.Worker.Tests.Pipeline;

public sealed class ResultParserTests
{
    [Theory]
    [InlineData("""{"label":"a"}""")]
    [InlineData("  \n{\"label\":\"a\"}\n ")]
    [InlineData("```json\n{\"label\":\"a\"}\n```")]
    [InlineData("```\n{\"label\":\"a\"}\n```")]
    public void Parses_json_with_surrounding_whitespace_or_a_code_fence(string text)
    {
        Assert.True(ResultParser.TryParse(text, out var result, out var error), error);
        Assert.Equal("a", result.GetProperty("label").GetString());
    }

    [Theory]
    [InlineData(null, "no output")]
    [InlineData("   ", "no output")]
    [InlineData("label: a", "not valid JSON")]
    [InlineData("""{"label":"a"} trailing""", "not valid JSON")]
    public void Rejects_anything_else_saying_why(string? text, string expected)
    {
        Assert.False(ResultParser.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

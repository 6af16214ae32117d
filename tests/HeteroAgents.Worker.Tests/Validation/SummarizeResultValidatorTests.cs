using HeteroAgents.Worker.Tests.Support;
using HeteroAgents.Worker.Validation;

namespace HeteroAgents.Worker.Tests.Validation;

public sealed class SummarizeResultValidatorTests
{
    private readonly SummarizeResultValidator _validator = new();

    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("  one\ttwo\n three  ", 3)]
    public async Task Summary_within_max_words_passes(string summary, int maxWords)
    {
        var result = Tasks.Json($$"""{"summary":{{System.Text.Json.JsonSerializer.Serialize(summary)}}}""");

        Assert.Null(await _validator.ValidateAsync(Tasks.Summarize(maxWords: maxWords), result, default));
    }

    [Fact]
    public async Task Summary_over_max_words_fails_naming_the_counts()
    {
        var problem = await _validator.ValidateAsync(Tasks.Summarize(maxWords: 3), Tasks.Json("""{"summary":"one two three four"}"""), default);

        Assert.NotNull(problem);
        Assert.Equal("max_words", problem.Check);
        Assert.Contains("4 words", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("max_words is 3", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blank_summary_fails()
    {
        var problem = await _validator.ValidateAsync(Tasks.Summarize(), Tasks.Json("""{"summary":"   "}"""), default);

        Assert.Equal("non_empty", problem?.Check);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a-b c.d  e", 3)]
    public void Words_are_runs_of_non_whitespace(string text, int expected) =>
        Assert.Equal(expected, SummarizeResultValidator.CountWords(text));
}

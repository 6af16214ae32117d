using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class SummarizeResultCheckTests
{
    private static readonly TaskResultValidator Validator = TaskResultValidator.Default;

    [Theory]
    [InlineData("one two three", 3)]
    [InlineData("  one\ttwo\n three  ", 3)]
    public void Summary_within_max_words_passes(string summary, int maxWords)
    {
        var result = SampleTasks.Json($$"""{"summary":{{System.Text.Json.JsonSerializer.Serialize(summary)}}}""");

        Assert.Null(Validator.CheckSemantics(SampleTasks.Summarize(maxWords: maxWords), result));
    }

    [Fact]
    public void Summary_over_max_words_fails_naming_the_counts()
    {
        var problem = Validator.CheckSemantics(SampleTasks.Summarize(maxWords: 3), SampleTasks.Json("""{"summary":"one two three four"}"""));

        Assert.NotNull(problem);
        Assert.Equal("max_words", problem.Check);
        Assert.Contains("4 words", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("max_words is 3", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_summary_fails()
    {
        var problem = Validator.CheckSemantics(SampleTasks.Summarize(), SampleTasks.Json("""{"summary":"   "}"""));

        Assert.Equal("non_empty", problem?.Check);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a-b c.d  e", 3)]
    public void Words_are_runs_of_non_whitespace(string text, int expected) =>
        Assert.Equal(expected, SummaryWords.Count(text));
}

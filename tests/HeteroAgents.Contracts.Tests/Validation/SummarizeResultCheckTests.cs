using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class SummarizeResultCheckTests
{
    private static readonly TaskResultValidator Validator = TaskResultValidator.Default;

    [Theory]
    [InlineData("kettle arrived broken", 3)]
    [InlineData("  blue\tkettle\n replacement  ", 3)]
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
    [InlineData("The kettle arrived broken, says Maria.", "summary_facts", "the summary states \"Maria\", which the source does not contain")]
    [InlineData("Kettle broken; 2 replacements wanted.", "summary_facts", "\"2\"")]
    [InlineData("The quarterly budget was approved by finance.", "summary_faithfulness", "0 of 4 content words of the summary are in the source (faithfulness 0 < 0.5); not in the source: quarterly, budget, approved, finance")]
    public void A_summary_the_source_does_not_support_fails_naming_what_is_missing(string summary, string check, string detail)
    {
        var result = SampleTasks.Json($$"""{"summary":{{System.Text.Json.JsonSerializer.Serialize(summary)}}}""");

        var problem = Validator.CheckSemantics(SampleTasks.Summarize(maxWords: 20), result);

        Assert.Equal(check, problem?.Check);
        Assert.Contains(detail, problem!.Detail, StringComparison.Ordinal);
        Assert.Null(TaskResultValidator.Frontier.CheckSemantics(SampleTasks.Summarize(maxWords: 20), result));
    }

    [Fact]
    public void The_minimum_faithfulness_is_the_validators_setting()
    {
        var task = SampleTasks.Summarize(maxWords: 20);
        var result = SampleTasks.Json("""{"summary":"Blue kettle arrived broken; replacement promised by courier tomorrow."}"""); // 5 of 8

        Assert.Null(Validator.CheckSemantics(task, result));
        Assert.Equal("summary_faithfulness", new TaskResultValidator(new JsonSchemaCache(8), minSummaryFaithfulness: 0.7).CheckSemantics(task, result)?.Check);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 1)]
    [InlineData("a-b c.d  e", 3)]
    public void Words_are_runs_of_non_whitespace(string text, int expected) =>
        Assert.Equal(expected, SummaryWords.Count(text));
}

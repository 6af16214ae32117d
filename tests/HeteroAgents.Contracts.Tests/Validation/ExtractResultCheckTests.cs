using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class ExtractResultCheckTests
{
    private const string Text = "Order  A-1234 for JANE DOE,\nshipped to 12 Main St. Total: 42.50 EUR on March 3.";
    private static readonly TaskResultValidator Validator = TaskResultValidator.Default;

    [Theory]
    [InlineData("""{"order":"A-1234"}""")]
    [InlineData("""{"name":"Jane Doe"}""")] // case-insensitive
    [InlineData("""{"name":"jane   doe"}""")] // whitespace runs collapse
    [InlineData("""{"address":"12 Main St."}""")]
    [InlineData("""{"items":[{"name":"jane doe"}],"order":"a-1234"}""")] // nested arrays and objects
    [InlineData("""{"total":42.5,"paid":true,"note":null}""")] // non-strings are not checked
    [InlineData("""{"order":""}""")] // an empty string claims nothing
    public void Values_found_in_the_source_pass(string result)
    {
        var task = SampleTasks.Extract(Text, """{"type":"object"}""");

        Assert.Null(Validator.CheckSemantics(task, SampleTasks.Json(result)));
    }

    [Theory]
    [InlineData("""{"order":"A1234"}""", "$.order")] // punctuation matters
    [InlineData("""{"name":"John Doe"}""", "$.name")]
    [InlineData("""{"items":[{"name":"jane doe"},{"name":"Bob"}]}""", "$.items[1].name")]
    public void Values_missing_from_the_source_fail_naming_the_path(string result, string path)
    {
        var task = SampleTasks.Extract(Text, """{"type":"object"}""");

        var problem = Validator.CheckSemantics(task, SampleTasks.Json(result));

        Assert.NotNull(problem);
        Assert.Equal("value_in_source", problem.Check);
        Assert.StartsWith(path + " = ", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_fixed_by_enum_const_or_date_formats_are_exempt()
    {
        var task = SampleTasks.Extract(Text, """
            {"type":"object","properties":{
              "currency":{"type":"string","enum":["EUR","USD"]},
              "kind":{"const":"order"},
              "date":{"type":"string","format":"date"},
              "items":{"type":"array","items":{"type":"object","properties":{"unit":{"enum":["piece"]}}}}}}
            """);

        Assert.Null(Validator.CheckSemantics(task, SampleTasks.Json("""{"currency":"USD","kind":"order","date":"2024-03-03","items":[{"unit":"piece"}]}""")));
    }

    [Fact]
    public void Strings_with_other_formats_are_still_checked()
    {
        var task = SampleTasks.Extract(Text, """{"type":"object","properties":{"email":{"type":"string","format":"email"}}}""");

        var problem = Validator.CheckSemantics(task, SampleTasks.Json("""{"email":"jane@example.com"}"""));

        Assert.Equal("value_in_source", problem?.Check);
    }
}

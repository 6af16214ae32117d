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
    [InlineData("""{"total":42.5,"paid":true,"note":null}""")] // numbers under normalization; booleans and nulls are not checked
    [InlineData("""{"total":"42.50 EUR","street_number":12}""")]
    [InlineData("""{"date":"2024-03-03"}""")] // a date string is compared as a date (the source's "March 3" has no year)
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

    [Theory]
    [InlineData("""{"total":42.05}""", "number_in_source", "$.total = 42.05 does not appear among the source's numbers (the source's numbers: 1234, 12, 42.50, 3)")]
    [InlineData("""{"items":[{"qty":7}]}""", "number_in_source", "$.items[0].qty = 7 does not appear")]
    [InlineData("""{"total":-1600019325105E11932}""", "finite_number", "$.total = -1600019325105E11932 is not a finite number")]
    [InlineData("""{"date":"2024-03-04"}""", "date_in_source", "$.date = \"2024-03-04\" is not one of the source's dates (the source's dates: March 3)")]
    public void Numbers_and_dates_missing_from_the_source_fail_naming_the_check_and_value(string result, string check, string detail)
    {
        var task = SampleTasks.Extract(Text, """{"type":"object"}""");

        var problem = Validator.CheckSemantics(task, SampleTasks.Json(result));

        Assert.Equal(check, problem?.Check);
        Assert.StartsWith(detail, problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_format_string_must_name_a_source_date_in_any_format()
    {
        var task = SampleTasks.Extract(Text, """{"type":"object","properties":{"date":{"type":"string","format":"date"}}}""");

        Assert.Null(Validator.CheckSemantics(task, SampleTasks.Json("""{"date":"2025-03-03"}""")));
        var problem = Validator.CheckSemantics(task, SampleTasks.Json("""{"date":"2025-03-13"}"""));
        Assert.Equal("date_in_source", problem?.Check);
        Assert.Contains("March 3", problem!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_fields_are_exempt_with_everything_below_them()
    {
        var task = SampleTasks.Extract(Text, """
            {"type":"object","properties":{
              "gist":{"type":"string","x-hetero-free-text":true},
              "notes":{"type":"object","x-hetero-free-text":true}}}
            """);

        Assert.Null(Validator.CheckSemantics(task, SampleTasks.Json("""{"gist":"a customer order","notes":{"n":99,"s":"late"}}""")));
    }

    [Fact]
    public void Strings_fixed_by_enum_or_const_are_exempt_and_dates_match_the_sources_dates()
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

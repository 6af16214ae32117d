using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

/// <summary>NJsonSchema validation of each result type against its narrowed result schema.</summary>
public sealed class TaskResultValidatorTests
{
    private readonly TaskResultValidator _validator = new(new JsonSchemaCache(JsonSchemaCache.DefaultCapacity));

    [Theory]
    [InlineData("""{"label":"shipping"}""", true)]
    [InlineData("""{"label":"billing"}""", false)] // not in the enum
    [InlineData("""{"label":"shipping","extra":1}""", false)] // additionalProperties: false
    [InlineData("""{}""", false)] // label required
    public void Classify_results(string result, bool valid) =>
        Assert.Equal(valid, (_validator.ValidateSchema(ResultSchemas.For(SampleTasks.Classify()), result)).Count == 0);

    [Theory]
    [InlineData("""{"summary":"short"}""", true)]
    [InlineData("""{"summary":null}""", false)]
    [InlineData("""{"text":"short"}""", false)]
    public void Summarize_results(string result, bool valid) =>
        Assert.Equal(valid, (_validator.ValidateSchema(ResultSchemas.For(SampleTasks.Summarize()), result)).Count == 0);

    [Theory]
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":"1"}}""", true)]
    [InlineData("""{"name":"track_order","arguments":{"order_id":"1"}}""", true)]
    [InlineData("""{"name":"cancel_order","arguments":{}}""", false)] // required argument missing in every branch
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":"1"},"x":1}""", false)]
    public void Tool_call_results(string result, bool valid) =>
        Assert.Equal(valid, (_validator.ValidateSchema(ResultSchemas.For(SampleTasks.ToolCall()), result)).Count == 0);

    [Theory]
    [InlineData("""{"order_number":"A-1"}""", true)]
    [InlineData("""{"order_number":"A-1","email":"a@b.example"}""", true)]
    [InlineData("""{"email":"a@b.example"}""", false)] // order_number required
    [InlineData("""{"order_number":12}""", false)]
    public void Extract_results_follow_the_callers_schema(string result, bool valid) =>
        Assert.Equal(valid, (_validator.ValidateSchema(ResultSchemas.For(SampleTasks.Extract()), result)).Count == 0);

    [Fact]
    public void Errors_name_the_path_and_kind()
    {
        var errors = _validator.ValidateSchema(ResultSchemas.For(SampleTasks.Classify()), """{"label":"billing"}""");

        Assert.Contains(errors, e => e.Contains("label", StringComparison.Ordinal) && e.Contains("NotInEnumeration", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_result_passes_schema_and_semantic_checks()
    {
        var validation = _validator.Validate(SampleTasks.Classify(), SampleTasks.Json("""{"label":"shipping"}"""));

        Assert.True(validation.IsValid);
        Assert.Empty(validation.Describe());
    }

    [Fact]
    public void A_result_that_is_not_an_object_fails_before_any_other_check()
    {
        var validation = _validator.Validate(SampleTasks.Classify(), SampleTasks.Json("""["shipping"]"""));

        Assert.False(validation.IsValid);
        Assert.Equal(["the result must be a JSON object; got a JSON array"], validation.SchemaErrors);
        Assert.Null(validation.Problem);
    }

    [Fact]
    public void Schema_errors_and_the_failed_check_are_both_reported()
    {
        var validation = _validator.Validate(SampleTasks.Classify(), SampleTasks.Json("""{"label":"billing"}"""));

        Assert.Contains(validation.SchemaErrors, e => e.Contains("NotInEnumeration", StringComparison.Ordinal));
        Assert.Equal(ResultCheckNames.LabelInSet, validation.Problem?.Check);
        Assert.Equal("check label_in_set failed: label 'billing' is not one of [refund, shipping, other]", validation.Describe()[^1]);
    }

    [Fact]
    public void A_semantic_failure_alone_leaves_the_schema_errors_empty()
    {
        var task = SampleTasks.Extract(text: "Order A-1234");

        var validation = _validator.Validate(task, SampleTasks.Json("""{"order_number":"B-9"}"""));

        Assert.Empty(validation.SchemaErrors);
        Assert.Equal(ResultCheckNames.ValueInSource, validation.Problem?.Check);
        Assert.False(validation.IsValid);
    }

    [Fact]
    public void A_cache_of_capacity_zero_compiles_every_time_with_the_same_answers()
    {
        var uncached = new TaskResultValidator(new JsonSchemaCache(0));

        Assert.Equal(
            _validator.ValidateSchema(ResultSchemas.For(SampleTasks.Summarize()), """{"text":"x"}"""),
            uncached.ValidateSchema(ResultSchemas.For(SampleTasks.Summarize()), """{"text":"x"}"""));
    }

    [Fact]
    public void The_frontier_validator_skips_only_the_source_text_check()
    {
        var extract = SampleTasks.Extract(text: "Please ship it soon");
        var notInText = SampleTasks.Json("""{"order_number":"<not found>"}""");

        Assert.Equal(ResultCheckNames.ValueInSource, TaskResultValidator.Default.Validate(extract, notInText).Problem?.Check);
        Assert.True(TaskResultValidator.Frontier.Validate(extract, notInText).IsValid);
        Assert.False(TaskResultValidator.Frontier.Validate(extract, SampleTasks.Json("""{"email":"x"}""")).IsValid);
        Assert.Equal(ResultCheckNames.MaxWords,
            TaskResultValidator.Frontier.Validate(SampleTasks.Summarize(maxWords: 2), SampleTasks.Json("""{"summary":"one two three"}""")).Problem?.Check);
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using HeteroAgents.Worker.Validation;

namespace HeteroAgents.Worker.Tests.Validation;

/// <summary>NJsonSchema validation of each result type against its narrowed result schema.</summary>
public sealed class ResultSchemaValidatorTests
{
    private readonly ResultSchemaValidator _validator = new(new SchemaCache(Microsoft.Extensions.Options.Options.Create(new WorkerOptions())));

    [Theory]
    [InlineData("""{"label":"shipping"}""", true)]
    [InlineData("""{"label":"billing"}""", false)] // not in the enum
    [InlineData("""{"label":"shipping","extra":1}""", false)] // additionalProperties: false
    [InlineData("""{}""", false)] // label required
    public async Task Classify_results(string result, bool valid) =>
        Assert.Equal(valid, (await _validator.ValidateAsync(ResultSchemas.For(Tasks.Classify()), result)).Count == 0);

    [Theory]
    [InlineData("""{"summary":"short"}""", true)]
    [InlineData("""{"summary":null}""", false)]
    [InlineData("""{"text":"short"}""", false)]
    public async Task Summarize_results(string result, bool valid) =>
        Assert.Equal(valid, (await _validator.ValidateAsync(ResultSchemas.For(Tasks.Summarize()), result)).Count == 0);

    [Theory]
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":"1"}}""", true)]
    [InlineData("""{"name":"track_order","arguments":{"order_id":"1"}}""", true)]
    [InlineData("""{"name":"cancel_order","arguments":{}}""", false)] // required argument missing in every branch
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":"1"},"x":1}""", false)]
    public async Task Tool_call_results(string result, bool valid) =>
        Assert.Equal(valid, (await _validator.ValidateAsync(ResultSchemas.For(Tasks.ToolCall()), result)).Count == 0);

    [Theory]
    [InlineData("""{"order_number":"A-1"}""", true)]
    [InlineData("""{"order_number":"A-1","email":"a@b.example"}""", true)]
    [InlineData("""{"email":"a@b.example"}""", false)] // order_number required
    [InlineData("""{"order_number":12}""", false)]
    public async Task Extract_results_follow_the_callers_schema(string result, bool valid) =>
        Assert.Equal(valid, (await _validator.ValidateAsync(ResultSchemas.For(Tasks.Extract()), result)).Count == 0);

    [Fact]
    public async Task Errors_name_the_path_and_kind()
    {
        var errors = await _validator.ValidateAsync(ResultSchemas.For(Tasks.Classify()), """{"label":"billing"}""");

        Assert.Contains(errors, e => e.Contains("label", StringComparison.Ordinal) && e.Contains("NotInEnumeration", StringComparison.Ordinal));
    }
}

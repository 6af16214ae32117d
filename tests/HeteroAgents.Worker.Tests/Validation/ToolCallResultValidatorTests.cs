using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using HeteroAgents.Worker.Validation;

namespace HeteroAgents.Worker.Tests.Validation;

public sealed class ToolCallResultValidatorTests
{
    private readonly ToolCallResultValidator _validator = new(new SchemaCache(Microsoft.Extensions.Options.Options.Create(new WorkerOptions())));

    [Fact]
    public async Task Known_tool_with_valid_arguments_passes()
    {
        Assert.Null(await _validator.ValidateAsync(Tasks.ToolCall(), Tasks.Json("""{"name":"cancel_order","arguments":{"order_id":"4711","notify":true}}"""), default));
    }

    [Fact]
    public async Task Unknown_tool_fails_the_tool_exists_check_listing_the_tools()
    {
        var problem = await _validator.ValidateAsync(Tasks.ToolCall(), Tasks.Json("""{"name":"refund_order","arguments":{}}"""), default);

        Assert.Equal("tool_exists", problem?.Check);
        Assert.Contains("'refund_order' is not one of [track_order, cancel_order]", problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"cancel_order","arguments":{}}""", "order_id")] // required argument missing
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":4711}}""", "order_id")] // wrong type
    [InlineData("""{"name":"cancel_order"}""", "no 'arguments'")]
    public async Task Arguments_that_break_the_tool_schema_fail_the_tool_arguments_check(string result, string expected)
    {
        var problem = await _validator.ValidateAsync(Tasks.ToolCall(), Tasks.Json(result), default);

        Assert.Equal("tool_arguments", problem?.Check);
        Assert.Contains(expected, problem!.Detail, StringComparison.Ordinal);
    }
}

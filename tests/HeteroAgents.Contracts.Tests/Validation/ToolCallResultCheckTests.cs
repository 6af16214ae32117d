using HeteroAgents.Testing.Tasks;
namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class ToolCallResultCheckTests
{
    private static readonly TaskResultValidator Validator = TaskResultValidator.Default;

    [Fact]
    public void Known_tool_with_valid_arguments_passes()
    {
        Assert.Null(Validator.CheckSemantics(SampleTasks.ToolCall(), SampleTasks.Json("""{"name":"cancel_order","arguments":{"order_id":"4711","notify":true}}""")));
    }

    [Fact]
    public void Unknown_tool_fails_the_tool_exists_check_listing_the_tools()
    {
        var problem = Validator.CheckSemantics(SampleTasks.ToolCall(), SampleTasks.Json("""{"name":"refund_order","arguments":{}}"""));

        Assert.Equal("tool_exists", problem?.Check);
        Assert.Contains("'refund_order' is not one of [track_order, cancel_order]", problem!.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"cancel_order","arguments":{}}""", "order_id")] // required argument missing
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":4711}}""", "order_id")] // wrong type
    [InlineData("""{"name":"cancel_order"}""", "no 'arguments'")]
    public void Arguments_that_break_the_tool_schema_fail_the_tool_arguments_check(string result, string expected)
    {
        var problem = Validator.CheckSemantics(SampleTasks.ToolCall(), SampleTasks.Json(result));

        Assert.Equal("tool_arguments", problem?.Check);
        Assert.Contains(expected, problem!.Detail, StringComparison.Ordinal);
    }
}

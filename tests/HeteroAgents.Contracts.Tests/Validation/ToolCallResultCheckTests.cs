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

    [Theory]
    [InlineData("""{"name":"cancel_order","arguments":{"order_id":"4712"}}""", "$.arguments.order_id = \"4712\" does not appear in the request")]
    [InlineData("""{"name":"track_order","arguments":{"order_id":"A-4711"}}""", "$.arguments.order_id = \"A-4711\" does not appear in the request")]
    public void Argument_values_absent_from_the_request_fail_the_argument_in_request_check(string result, string detail)
    {
        var problem = Validator.CheckSemantics(SampleTasks.ToolCall(), SampleTasks.Json(result));

        Assert.Equal("argument_in_request", problem?.Check);
        Assert.StartsWith(detail, problem!.Detail, StringComparison.Ordinal);
        Assert.Null(TaskResultValidator.Frontier.CheckSemantics(SampleTasks.ToolCall(), SampleTasks.Json(result)));
    }

    [Fact]
    public void Numbers_are_grounded_under_normalization_and_enum_const_format_default_and_free_text_are_exempt()
    {
        var task = new ToolCallTask(Guid.NewGuid(), "b", "t", new ToolCallInput("Refund €1.234,50 on order 4711 by bank transfer, please", [
            new ToolDefinition("refund", "Refunds an order.", SampleTasks.Json("""
                {"type":"object","properties":{
                  "order_id":{"type":"string"},
                  "amount":{"type":"number"},
                  "method":{"type":"string","enum":["card","transfer"]},
                  "currency":{"const":"EUR"},
                  "on":{"type":"string","format":"date"},
                  "priority":{"type":"integer","default":3},
                  "note":{"type":"string","x-hetero-free-text":true}},
                 "required":["order_id","amount"]}
                """)),
        ]));

        Assert.Null(Validator.CheckSemantics(task, SampleTasks.Json("""
            {"name":"refund","arguments":{"order_id":"4711","amount":1234.5,"method":"transfer","currency":"EUR","on":"2030-01-01","priority":3,"note":"customer asked nicely"}}
            """)));
        var problem = Validator.CheckSemantics(task, SampleTasks.Json("""{"name":"refund","arguments":{"order_id":"4711","amount":1234.5,"priority":4}}"""));
        Assert.Equal("argument_in_request", problem?.Check);
        Assert.StartsWith("$.arguments.priority = 4 does not appear among the request's numbers (the request's numbers: 1.234,50, 4711)", problem!.Detail, StringComparison.Ordinal);
    }
}

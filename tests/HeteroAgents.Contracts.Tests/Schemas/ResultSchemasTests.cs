using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests.Schemas;

public sealed class ResultSchemasTests
{
    [Fact]
    public void Classify_schema_is_exported_from_the_type_and_narrowed_to_the_labels()
    {
        var schema = ResultSchemas.ForClassify(new ClassifyInput("where is my parcel", ["refund", "shipping"]));

        Assert.Equal("object", (string?)schema["type"]);
        Assert.Equal(false, (bool?)schema["additionalProperties"]);
        Assert.Contains("label", schema["required"]!.AsArray().Select(n => (string?)n));
        var labels = schema["properties"]!["label"]!["enum"]!.AsArray().Select(n => (string?)n).ToArray();
        Assert.Equal(new string?[] { "refund", "shipping" }, labels);
    }

    [Fact]
    public void Tool_call_schema_has_one_branch_per_tool_with_the_tool_parameters()
    {
        using var parameters = JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""");
        var input = new ToolCallInput("cancel order 42", [
            new ToolDefinition("cancel_order", "Cancels an order", parameters.RootElement.Clone()),
            new ToolDefinition("track_order", "Tracks an order", parameters.RootElement.Clone()),
        ]);

        var schema = ResultSchemas.ForToolCall(input);

        var branches = schema["anyOf"]!.AsArray();
        Assert.Equal(2, branches.Count);
        Assert.Equal("cancel_order", (string?)branches[0]!["properties"]!["name"]!["const"]);
        Assert.Equal("string", (string?)branches[1]!["properties"]!["arguments"]!["properties"]!["order_id"]!["type"]);
    }

    [Fact]
    public void Summarize_schema_requires_a_string_summary()
    {
        var schema = ResultSchemas.ForType(TaskType.Summarize);

        Assert.Equal("string", (string?)schema["properties"]!["summary"]!["type"]);
        Assert.Contains("summary", schema["required"]!.AsArray().Select(n => (string?)n));
    }
}

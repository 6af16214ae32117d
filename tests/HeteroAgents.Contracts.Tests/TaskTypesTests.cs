using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests;

public sealed class TaskTypesTests
{
    [Theory]
    [InlineData("classify", "classify")]
    [InlineData("tool_call", "tool_call")]
    [InlineData("Tool-Call", "tool_call")]
    [InlineData("summarize", "summarize")]
    public void Wire_names_parse(string name, string expected)
    {
        Assert.Equal(expected, TaskTypes.Parse(name).WireName);
    }

    [Fact]
    public void Unknown_names_are_rejected_with_the_valid_names_listed()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskTypes.Parse("translate"));
        Assert.Contains("tool_call", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Queue_names_are_kebab_case()
    {
        Assert.Equal("hetero-tool-call", TaskType.ToolCall.QueueName());
    }

    [Fact]
    public void Enums_serialize_as_wire_names()
    {
        Assert.Equal("\"tool_call\"", JsonSerializer.Serialize(TaskType.ToolCall, HeteroJson.Options));
        Assert.Equal("\"low_confidence\"", JsonSerializer.Serialize(EscalationReason.LowConfidence, HeteroJson.Options));
    }

    [Fact]
    public void Output_lines_use_snake_case()
    {
        var line = new BatchOutputLine("t1", "classify", BatchTaskStatus.Failed, null, null, null, null, null, null,
            new TaskError("malformed_json", "line 3: bad", 3));
        var json = JsonSerializer.Serialize(line, HeteroJson.Options);
        Assert.Contains("\"custom_id\":\"t1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"failed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"latency_ms\":null", json, StringComparison.Ordinal);
    }
}

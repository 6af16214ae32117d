using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Plugins.SemanticKernel;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests;

/// <summary>Bad input fails with an ArgumentException naming the parameter, before anything is published.</summary>
public sealed class HeteroAgentsPluginInputTests
{
    public static TheoryData<string, string, string, string> BadCalls => new()
    {
        { "extract", "schema", "\"just a string\"", "must be a JSON schema object" },
        { "extract", "schema", """{"type":"string"}""", "must describe an object" },
        { "extract", "schema", """{"type":"object","properties":[]}""", "properties must be an object" },
        { "extract", "schema", """{"type":"object","properties":{"a":{"$ref":"#/definitions/missing"}}}""", "not a valid JSON schema" },
        { "classify", "labels", """["only-one"]""", "at least two labels" },
        { "classify", "labels", """["a","a"]""", "duplicate" },
        { "call_tool", "tools", "[]", "at least one tool" },
        { "call_tool", "tools", """[{"name":"lookup","description":"d","parameters":{"type":"array"}}]""", "tools[0].parameters must describe an object" },
        { "call_tool", "tools", """{"name":"lookup"}""", "tools must be an array, not an object" },
        { "call_tool", "tools", """[{"type":"function","name":"lookup","parameters":{"type":"object"}}]""", "tools[0]" },
        { "call_tool", "tools", """["lookup"]""", "tools[0] must be an object" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Invalid_input_throws_ArgumentException_naming_the_parameter_and_publishes_nothing(string function, string parameter, string json, string message)
    {
        await using var host = await HarnessHost.StartAsync();
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);
        var arguments = new KernelArguments
        {
            [function == "call_tool" ? "request" : "text"] = "Where is my order A-1234?",
            [parameter] = parameter == "labels" ? JsonSerializer.Deserialize<string[]>(json) : JsonDocument.Parse(json).RootElement.Clone(),
        };

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => kernel.InvokeAsync("hetero", function, arguments));

        Assert.Equal(parameter, ex.ParamName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
        await AssertNothingPublishedAsync(host);
    }

    [Fact]
    public async Task Summarize_with_zero_max_words_is_rejected_before_publishing()
    {
        await using var host = await HarnessHost.StartAsync();
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);

        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            kernel.InvokeAsync("hetero", "summarize", new KernelArguments { ["text"] = "A long text.", ["max_words"] = 0 }));

        Assert.Equal("max_words", ex.ParamName);
        await AssertNothingPublishedAsync(host);
    }

    [Fact]
    public async Task A_schema_passed_as_a_JSON_encoded_string_is_accepted_and_published()
    {
        await using var host = await HarnessHost.StartAsync(settings: new Dictionary<string, string?> { ["Hetero:Plugins:RequestTimeout"] = "00:00:00.300" });
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services, "case-1");

        // No worker is listening: the request times out, but only after the valid task was published.
        await Assert.ThrowsAsync<TimeoutException>(() => kernel.InvokeAsync("hetero", "extract", new KernelArguments
        {
            ["text"] = "Order A-1234",
            ["schema"] = """{"type":"object","properties":{"order_id":{"type":"string"}}}""",
        }));

        var published = Assert.Single(host.Harness.Published.Select<ExtractTask>());
        var task = published.Context.Message;
        Assert.Equal("sk-case-1", task.BatchId);
        Assert.Equal("extract-1", task.CustomId);
        Assert.Equal(TaskIds.Create("sk-case-1", "extract-1"), task.TaskId);
        Assert.Equal(JsonValueKind.Object, task.Input.Schema.ValueKind);
    }

    [Fact]
    public async Task Tools_with_parameters_as_a_JSON_encoded_string_are_read_by_the_kinds_reader_and_published()
    {
        await using var host = await HarnessHost.StartAsync(settings: new Dictionary<string, string?> { ["Hetero:Plugins:RequestTimeout"] = "00:00:00.300" });
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services, "case-2");

        await Assert.ThrowsAsync<TimeoutException>(() => kernel.InvokeAsync("hetero", "call_tool", new KernelArguments
        {
            ["request"] = "Track A-1234",
            ["tools"] = JsonDocument.Parse("""[{"name":"track","description":"Track an order","parameters":"{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}"}]""").RootElement.Clone(),
        }));

        var task = Assert.Single(host.Harness.Published.Select<ToolCallTask>()).Context.Message;
        var tool = Assert.Single(task.Input.Tools);
        Assert.Equal("track", tool.Name);
        Assert.Equal(JsonValueKind.Object, tool.Parameters.ValueKind);
        Assert.True(tool.Parameters.TryGetProperty("properties", out _));
    }

    private static async Task AssertNothingPublishedAsync(HarnessHost host)
    {
        Assert.False(await host.Harness.Published.Any<ClassifyTask>());
        Assert.False(await host.Harness.Published.Any<ExtractTask>());
        Assert.False(await host.Harness.Published.Any<ToolCallTask>());
        Assert.False(await host.Harness.Published.Any<SummarizeTask>());
        Assert.False(await host.Harness.Sent.Any<ExtractTask>());
    }
}

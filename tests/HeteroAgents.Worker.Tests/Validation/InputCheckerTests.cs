using HeteroAgents.Contracts;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using HeteroAgents.Worker.Validation;

namespace HeteroAgents.Worker.Tests.Validation;

public sealed class InputCheckerTests
{
    private static readonly SchemaCache Schemas = new(Microsoft.Extensions.Options.Options.Create(new WorkerOptions()));

    [Fact]
    public async Task Well_formed_inputs_pass()
    {
        Assert.Null(await new ClassifyInputChecker().CheckAsync(Tasks.Classify(), default));
        Assert.Null(await new ExtractInputChecker(Schemas).CheckAsync(Tasks.Extract(), default));
        Assert.Null(await new ToolCallInputChecker(Schemas).CheckAsync(Tasks.ToolCall(), default));
        Assert.Null(await new SummarizeInputChecker().CheckAsync(Tasks.Summarize(), default));
    }

    [Fact]
    public async Task Classify_with_duplicate_labels_names_the_label()
    {
        var error = await new ClassifyInputChecker().CheckAsync(Tasks.Classify(labels: ["a", "b", "a"]), default);

        Assert.Equal("input.labels", error?.Field);
        Assert.Contains("'a'", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_with_a_schema_that_is_not_an_object_fails_on_input_schema()
    {
        var error = await new ExtractInputChecker(Schemas).CheckAsync(Tasks.Extract(schema: "[1,2]"), default);

        Assert.Equal("invalid_input", error?.Code);
        Assert.Equal("input.schema", error?.Field);
    }

    [Fact]
    public async Task Extract_with_an_unparseable_schema_fails_on_input_schema()
    {
        var error = await new ExtractInputChecker(Schemas).CheckAsync(Tasks.Extract(schema: """{"$ref":"#/definitions/missing"}"""), default);

        Assert.Equal("input.schema", error?.Field);
        Assert.Contains("not a valid JSON schema", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_call_with_duplicate_tool_names_names_the_tool()
    {
        var task = Tasks.ToolCall();
        var tools = task.Input.Tools.Append(task.Input.Tools[0]).ToList();

        var error = await new ToolCallInputChecker(Schemas).CheckAsync(task with { Input = task.Input with { Tools = tools } }, default);

        Assert.Equal("input.tools[2].name", error?.Field);
    }

    [Fact]
    public async Task Summarize_with_a_non_positive_budget_fails_on_max_words()
    {
        var error = await new SummarizeInputChecker().CheckAsync(Tasks.Summarize(maxWords: 0), default);

        Assert.Equal("input.max_words", error?.Field);
    }
}

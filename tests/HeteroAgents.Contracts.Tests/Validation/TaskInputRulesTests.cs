using HeteroAgents.Testing.Tasks;
using System.Text.Json;

namespace HeteroAgents.Contracts.Tests.Validation;

public sealed class TaskInputRulesTests
{
    private static readonly TaskInputRules Rules = TaskInputRules.Default;

    private static InputProblem? First(ITaskMessage task) => Rules.FirstProblem(task);

    [Fact]
    public void Well_formed_inputs_pass()
    {
        Assert.Empty(Rules.Check(SampleTasks.Classify()));
        Assert.Empty(Rules.Check(SampleTasks.Extract()));
        Assert.Empty(Rules.Check(SampleTasks.ToolCall()));
        Assert.Empty(Rules.Check(SampleTasks.Summarize()));
    }

    [Fact]
    public void Classify_with_duplicate_labels_names_the_label()
    {
        var error = First(SampleTasks.Classify(labels: ["a", "b", "a"]));

        Assert.Equal("input.labels", error?.Field);
        Assert.Equal(TaskErrorCodes.InvalidInput, error?.Code);
        Assert.Contains("'a'", error!.Message, StringComparison.Ordinal);
        Assert.Contains("duplicate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "only-one" }, "input.labels", "input.labels must hold at least two labels; got 1")]
    [InlineData(new string[0], "input.labels", "input.labels must hold at least two labels; got 0")]
    [InlineData(new[] { "a", " " }, "input.labels[1]", "input.labels[1] is blank; labels must be non-empty strings")]
    public void Classify_labels_need_two_unique_non_blank_entries(string[] labels, string field, string message)
    {
        var task = SampleTasks.Classify() with { Input = new ClassifyInput("text", labels) };

        var error = First(task);

        Assert.Equal(field, error?.Field);
        Assert.Equal(message, error?.Message);
    }

    [Fact]
    public void Extract_with_a_schema_that_is_not_an_object_fails_on_input_schema()
    {
        var error = First(SampleTasks.Extract(schema: "[1,2]"));

        Assert.Equal(TaskErrorCodes.InvalidSchema, error?.Code);
        Assert.Equal("input.schema", error?.Field);
        Assert.Equal("input.schema must be a JSON schema object, not an array", error?.Message);
    }

    [Fact]
    public void Extract_with_an_unparseable_schema_fails_on_input_schema()
    {
        var error = First(SampleTasks.Extract(schema: """{"$ref":"#/definitions/missing"}"""));

        Assert.Equal("input.schema", error?.Field);
        Assert.Contains("not a valid JSON schema", error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"string"}""", "input.schema.type", "input.schema must describe an object (\"type\": \"object\"), not type \"string\"")]
    [InlineData("""{"type":"object","properties":[]}""", "input.schema.properties", "input.schema.properties must be an object of schemas, not []")]
    [InlineData("""{"type":"object"}""", "input.schema.properties", "input.schema.properties is required: name the fields to produce")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"strin"}}}""", "input.schema.properties.a.type", "input.schema.properties.a.type must be one of object|array|string|number|integer|boolean|null (or an array of them), not \"strin\"")]
    public void Extract_schema_problems_name_the_exact_path_and_value(string schema, string field, string message)
    {
        var error = First(SampleTasks.Extract(schema: schema));

        Assert.Equal(TaskErrorCodes.InvalidSchema, error?.Code);
        Assert.Equal(field, error?.Field);
        Assert.Equal(message, error?.Message);
    }

    [Fact]
    public void Tool_call_with_duplicate_tool_names_names_the_tool()
    {
        var task = SampleTasks.ToolCall();
        var tools = task.Input.Tools.Append(task.Input.Tools[0]).ToList();

        var error = First(task with { Input = task.Input with { Tools = tools } });

        Assert.Equal("input.tools[2].name", error?.Field);
        Assert.Contains("\"track_order\"", error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_call_without_tools_or_with_a_non_object_parameters_schema_fails()
    {
        var task = SampleTasks.ToolCall();
        var arrayTool = new ToolDefinition("lookup", "d", SampleTasks.Json("""{"type":"array"}"""));

        Assert.Equal("input.tools must list at least one tool", First(task with { Input = task.Input with { Tools = [] } })?.Message);
        var error = First(task with { Input = task.Input with { Tools = [arrayTool] } });
        Assert.Equal("input.tools[0].parameters.type", error?.Field);
        Assert.StartsWith("input.tools[0].parameters must describe an object", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tool_parameters_need_no_properties_but_must_be_present()
    {
        var task = SampleTasks.ToolCall();
        var bare = new ToolDefinition("human", "d", SampleTasks.Json("""{"type":"object"}"""));
        var missing = new ToolDefinition("human", "d", default);

        Assert.Null(First(task with { Input = task.Input with { Tools = [bare] } }));
        var error = First(task with { Input = task.Input with { Tools = [missing] } });
        Assert.Equal("input.tools[0].parameters", error?.Field);
        Assert.Equal(TaskErrorCodes.InvalidInput, error?.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2001)]
    public void Summarize_with_a_budget_out_of_range_fails_on_max_words(int maxWords)
    {
        var error = First(SampleTasks.Summarize(maxWords: maxWords));

        Assert.Equal("input.max_words", error?.Field);
        Assert.Equal($"input.max_words must be between 1 and 2000, not {maxWords}", error?.Message);
    }

    [Fact]
    public void Blank_text_and_missing_parts_of_a_deserialized_message_are_named()
    {
        var classify = SampleTasks.Classify();

        Assert.Equal("input.text must not be empty", First(SampleTasks.Summarize(text: "  "))?.Message);
        Assert.Equal("input.text is required and must be a non-empty string", First(classify with { Input = classify.Input with { Text = null! } })?.Message);
        Assert.Equal("input.labels", First(classify with { Input = classify.Input with { Labels = null! } })?.Field);
        Assert.Equal("input", First(classify with { Input = null! })?.Field);
    }

    [Fact]
    public void Every_problem_is_listed_in_field_order()
    {
        var task = SampleTasks.Classify() with { Input = new ClassifyInput(" ", ["x"]) };

        Assert.Equal(["input.text", "input.labels"], Rules.Check(task).Select(p => p.Field));
    }

    [Fact]
    public void Text_over_the_configured_limit_fails_with_text_too_large_naming_the_setting()
    {
        var rules = new TaskInputRules(new TaskInputLimits { MaxTextChars = 10, MaxTextCharsSetting = "Hetero:Batch:MaxTextChars" }, JsonSchemaCache.Shared);

        var error = rules.FirstProblem(SampleTasks.Summarize(text: new string('a', 11)));

        Assert.Equal(TaskErrorCodes.TextTooLarge, error?.Code);
        Assert.Equal("input.text has 11 characters; the limit is 10 (Hetero:Batch:MaxTextChars)", error?.Message);
        Assert.Null(rules.FirstProblem(SampleTasks.Summarize(text: new string('a', 10))));
        Assert.Null(TaskInputRules.Default.FirstProblem(SampleTasks.Summarize(text: new string('a', 100_000))));
    }

    [Fact]
    public void A_problem_becomes_a_task_error_located_by_line_and_field()
    {
        var problem = new InputProblem("input.text", TaskErrorCodes.InvalidInput, "input.text must not be empty");

        Assert.Equal(new TaskError("invalid_input", "input.text must not be empty", null, "input.text"), problem.ToTaskError());
        Assert.Equal(new TaskError("invalid_input", "line 4: input.text must not be empty", 4, "input.text"), problem.ToTaskError(4));
    }

    [Fact]
    public void The_same_schema_is_judged_the_same_every_time()
    {
        var schema = JsonDocument.Parse("""{"type":"object","properties":{"a":{"minLength":-1}}}""").RootElement;

        var first = Rules.CheckExtract(new ExtractInput("t", schema));
        var second = Rules.CheckExtract(new ExtractInput("t", schema));

        Assert.Equal(first, second);
        Assert.Equal("input.schema.properties.a.minLength", Assert.Single(first).Field);
    }
}

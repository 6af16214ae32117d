using System.Text;
using HeteroAgents.Contracts;

namespace HeteroAgents.Contracts.Tests.Parsing;

public sealed class TaskInputParserTests
{
    private const string Batch = "b1";
    private readonly TaskInputParser _parser = new(new TaskInputParserOptions { MaxTextChars = 200 });

    private TaskParseResult Parse(string line, long number = 7) => _parser.Parse(Encoding.UTF8.GetBytes(line), number, Batch);

    [Fact]
    public void Classify_line_becomes_a_typed_task_with_the_deterministic_id()
    {
        var result = Parse("""{"custom_id":"t1","task":"classify","input":{"text":"where is my parcel","labels":["refund","shipping"],"instructions":"pick one"}}""");

        Assert.True(result.IsSuccess);
        var task = Assert.IsType<ClassifyTask>(result.Task);
        Assert.Equal(TaskIds.Create(Batch, "t1"), task.TaskId);
        Assert.Equal(["refund", "shipping"], task.Input.Labels);
        Assert.Equal("pick one", task.Input.Instructions);
        Assert.Equal(Batch, task.BatchId);
    }

    [Fact]
    public void Extract_tool_call_and_summarize_lines_become_typed_tasks()
    {
        var extract = Parse("""{"custom_id":"e","task":"extract","input":{"text":"order 12","schema":{"type":"object","properties":{"order":{"type":"string"}},"required":["order"]}}}""");
        var tool = Parse("""{"custom_id":"c","task":"tool-call","input":{"request":"track 12","tools":[{"name":"track","description":"d","parameters":{"type":"object","properties":{"id":{"type":"string"}}}}]}}""");
        var summary = Parse("""{"custom_id":"s","task":"summarize","input":{"text":"long text","max_words":12}}""");

        Assert.Equal("order", Assert.IsType<ExtractTask>(extract.Task).Input.Schema.GetProperty("required")[0].GetString());
        Assert.Equal("track", Assert.IsType<ToolCallTask>(tool.Task).Input.Tools[0].Name);
        Assert.Equal(12, Assert.IsType<SummarizeTask>(summary.Task).Input.MaxWords);
    }

    [Fact]
    public void Tool_without_parameters_properties_is_accepted_but_extract_schema_needs_them()
    {
        var tool = Parse("""{"custom_id":"c","task":"tool_call","input":{"request":"hand over","tools":[{"name":"human","description":"d","parameters":{"type":"object"}}]}}""");
        var extract = Parse("""{"custom_id":"e","task":"extract","input":{"text":"t","schema":{"type":"object"}}}""");

        Assert.True(tool.IsSuccess);
        Assert.Equal("input.schema.properties", extract.Error!.Field);
    }

    [Fact]
    public void The_same_bad_schema_fails_every_time_it_appears()
    {
        const string line = """{"custom_id":"e","task":"extract","input":{"text":"t","schema":{"type":"object","properties":{"a":{"type":"nope"}}}}}""";

        Assert.Equal(TaskErrorCodes.InvalidSchema, Parse(line).Error!.Code);
        Assert.Equal(TaskErrorCodes.InvalidSchema, Parse(line).Error!.Code);
    }

    [Fact]
    public void Summarize_max_words_defaults_to_60()
    {
        Assert.Equal(60, Assert.IsType<SummarizeTask>(Parse("""{"custom_id":"s","task":"summarize","input":{"text":"t"}}""").Task).Input.MaxWords);
    }

    [Theory]
    [InlineData("not json", TaskErrorCodes.MalformedJson, null)]
    [InlineData("""{"custom_id":"t1","task":"classify" """, TaskErrorCodes.MalformedJson, null)]
    [InlineData("""[1,2]""", TaskErrorCodes.InvalidLine, "$")]
    [InlineData("""{"task":"classify","input":{}}""", TaskErrorCodes.MissingCustomId, "custom_id")]
    [InlineData("""{"custom_id":"","task":"classify","input":{}}""", TaskErrorCodes.MissingCustomId, "custom_id")]
    [InlineData("""{"custom_id":5,"task":"classify","input":{}}""", TaskErrorCodes.MissingCustomId, "custom_id")]
    [InlineData("""{"custom_id":"t1","input":{}}""", TaskErrorCodes.MissingTask, "task")]
    [InlineData("""{"custom_id":"t1","task":"translate","input":{}}""", TaskErrorCodes.UnknownTask, "task")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{},"extra":1}""", TaskErrorCodes.InvalidLine, "extra")]
    [InlineData("""{"custom_id":"t1","task":"classify"}""", TaskErrorCodes.InvalidInput, "input")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":"text"}""", TaskErrorCodes.InvalidInput, "input")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"labels":["a","b"]}}""", TaskErrorCodes.InvalidInput, "input.text")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"text":"x","labels":["a"]}}""", TaskErrorCodes.InvalidInput, "input.labels")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"text":"x","labels":["a","a"]}}""", TaskErrorCodes.InvalidInput, "input.labels")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"text":"x","labels":"a,b"}}""", TaskErrorCodes.InvalidInput, "input.labels")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"text":"x","labels":["a",3]}}""", TaskErrorCodes.InvalidInput, "input.labels")]
    [InlineData("""{"custom_id":"t1","task":"classify","input":{"text":"x","labels":["a","b"],"lables":[]}}""", TaskErrorCodes.InvalidInput, "input.lables")]
    [InlineData("""{"custom_id":"t1","task":"summarize","input":{"text":"x","max_words":0}}""", TaskErrorCodes.InvalidInput, "input.max_words")]
    [InlineData("""{"custom_id":"t1","task":"summarize","input":{"text":"x","max_words":"ten"}}""", TaskErrorCodes.InvalidInput, "input.max_words")]
    [InlineData("""{"custom_id":"t1","task":"tool_call","input":{"request":"x","tools":[]}}""", TaskErrorCodes.InvalidInput, "input.tools")]
    [InlineData("""{"custom_id":"t1","task":"tool_call","input":{"request":"x","tools":[{"name":"a","parameters":{"type":"object","properties":{}}},{"name":"a","parameters":{"type":"object","properties":{}}}]}}""", TaskErrorCodes.InvalidInput, "input.tools[1].name")]
    [InlineData("""{"custom_id":"t1","task":"tool_call","input":{"request":"x","tools":[{"name":"a","parameters":{"type":"object","properties":{"n":{"type":"int"}}}}]}}""", TaskErrorCodes.InvalidSchema, "input.tools[0].parameters.properties.n.type")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":"string"}}""", TaskErrorCodes.InvalidSchema, "input.schema")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"array","properties":{}}}}""", TaskErrorCodes.InvalidSchema, "input.schema.type")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"type":"strin"}}}}}""", TaskErrorCodes.InvalidSchema, "input.schema.properties.a.type")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"type":"string"}},"required":"a"}}}""", TaskErrorCodes.InvalidSchema, "input.schema.required")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"$ref":"#/definitions/missing"}}}}}""", TaskErrorCodes.InvalidSchema, "input.schema")]
    [InlineData("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"minLength":-1}}}}}""", TaskErrorCodes.InvalidSchema, "input.schema.properties.a.minLength")]
    public void Bad_lines_fail_with_code_line_and_field(string line, string code, string? field)
    {
        var result = Parse(line, number: 42);

        Assert.False(result.IsSuccess);
        Assert.Equal(code, result.Error.Code);
        Assert.Equal(42, result.Error.Line);
        Assert.Equal(field, result.Error.Field);
        Assert.StartsWith("line 42", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Field_errors_name_the_field_and_the_offending_value()
    {
        var result = Parse("""{"custom_id":"t1","task":"extract","input":{"text":"x","schema":{"type":"object","properties":{"a":{"type":"strin"}}}}}""");

        Assert.Contains("input.schema.properties.a.type", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("\"strin\"", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Readable_custom_id_and_task_are_kept_on_failure_for_the_output_line()
    {
        var result = Parse("""{"custom_id":"t9","task":"classify","input":{"text":"x","labels":["a"]}}""", number: 3);
        var output = result.ToFailedOutputLine();

        Assert.Equal("t9", output.CustomId);
        Assert.Equal("classify", output.Task);
        Assert.Equal(BatchTaskStatus.Failed, output.Status);
        Assert.Same(result.Error, output.Error);
    }

    [Fact]
    public void Unreadable_lines_use_line_number_as_custom_id()
    {
        var output = Parse("{oops", number: 5).ToFailedOutputLine();

        Assert.Equal("line:5", output.CustomId);
        Assert.Null(output.Task);
    }

    [Fact]
    public void Malformed_json_names_the_byte_position()
    {
        var error = Parse("""{"custom_id": x}""", number: 2).Error!;

        Assert.Matches(@"^line 2: malformed JSON at byte \d+: ", error.Message);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oversize_text_fails_with_the_limit_and_its_configuration_key()
    {
        var text = new string('a', 201);
        var result = Parse("{\"custom_id\":\"t1\",\"task\":\"summarize\",\"input\":{\"text\":\"" + text + "\"}}");

        Assert.Equal(TaskErrorCodes.TextTooLarge, result.Error!.Code);
        Assert.Equal("input.text", result.Error.Field);
        Assert.Contains("201", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("Hetero:Batch:MaxTextChars", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_at_the_limit_is_accepted()
    {
        var text = new string('a', 200);
        Assert.True(Parse("{\"custom_id\":\"t1\",\"task\":\"summarize\",\"input\":{\"text\":\"" + text + "\"}}").IsSuccess);
    }

    [Fact]
    public void Invalid_utf8_fails_with_the_offset_of_the_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"custom_id":"t1","task":"summarize","input":{"text":"caf?"}}""");
        bytes[Array.IndexOf(bytes, (byte)'?')] = 0xC3; // a lead byte followed by '"': invalid
        var result = _parser.Parse(bytes, 4, Batch);

        Assert.Equal(TaskErrorCodes.InvalidUtf8, result.Error!.Code);
        Assert.Contains("offset 57", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_over_the_byte_limit_fails_without_parsing()
    {
        var parser = new TaskInputParser(new TaskInputParserOptions { MaxLineBytes = 1024 });
        var result = parser.Parse(new byte[1025], 9, Batch);

        Assert.Equal(TaskErrorCodes.LineTooLong, result.Error!.Code);
        Assert.Equal(9, result.Error.Line);
    }

    [Fact]
    public void Parsed_task_survives_after_the_line_buffer_is_reused()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"custom_id":"e","task":"extract","input":{"text":"t","schema":{"type":"object","properties":{"zz":{"type":"string"}}}}}""");
        var task = Assert.IsType<ExtractTask>(_parser.Parse(bytes, 1, Batch).Task);
        Array.Fill(bytes, (byte)' ');

        Assert.True(task.Input.Schema.GetProperty("properties").TryGetProperty("zz", out _));
    }

    [Fact]
    public void A_line_may_name_its_workload_which_the_task_carries_and_an_empty_one_is_rejected()
    {
        var task = Parse("""{"custom_id":"t1","task":"classify","workload":"tickets","input":{"text":"where is my parcel","labels":["refund","shipping"]}}""").Task!;
        var none = Parse("""{"custom_id":"t2","task":"classify","input":{"text":"where is my parcel","labels":["refund","shipping"]}}""").Task!;
        var empty = Parse("""{"custom_id":"t3","task":"classify","workload":" ","input":{"text":"x","labels":["a","b"]}}""");

        Assert.Equal("tickets", task.WorkloadId);
        Assert.Null(none.WorkloadId);
        Assert.Equal("workload", empty.Error!.Field);
        Assert.Contains("workload must be a non-empty string", empty.Error.Message, StringComparison.Ordinal);
    }
}

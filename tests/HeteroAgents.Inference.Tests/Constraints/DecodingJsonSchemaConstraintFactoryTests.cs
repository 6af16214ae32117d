using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.Tests.TestSupport;
using Microsoft.Extensions.AI;
using NJsonSchema;

namespace HeteroAgents.Inference.Tests.Constraints;

/// <summary>
/// The real decoding engine driving the real runtime: the project-built tiny model has seeded random weights, so
/// only the token mask can make its output schema-valid.
/// </summary>
public sealed class DecodingJsonSchemaConstraintFactoryTests
{
    private const int MaxTokens = 128;

    /// <summary>Random weights rarely close a string on their own; the cap makes the engine close it within the budget.</summary>
    private static readonly DecodingConstraintOptions Capped = new() { MaxStringLength = 16 };

    public static TheoryData<TaskType> TaskTypes => [TaskType.Classify, TaskType.Extract, TaskType.ToolCall, TaskType.Summarize];

    [Theory]
    [MemberData(nameof(TaskTypes))]
    public async Task Constrained_output_of_the_random_model_validates_against_the_result_schema(TaskType type)
    {
        var task = SupportTicketTasks.ByType(type);
        var schema = ResultSchemas.For(task);
        using var client = new OnnxChatClient(TinyModel.Shared, DecodingJsonSchemaConstraintFactory.ForModel(TinyModel.Shared, Capped));

        var response = await client.GetResponseAsync(Prompt(task), new ChatOptions
        {
            MaxOutputTokens = MaxTokens,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(schema), "result"),
        });

        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        using var parsed = JsonDocument.Parse(response.Text);
        var validator = await JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(schema));
        var errors = validator.Validate(response.Text);
        Assert.True(errors.Count == 0, $"{response.Text}: {string.Join("; ", errors)}");
    }

    [Fact]
    public async Task The_mask_is_what_makes_the_output_json()
    {
        var task = SupportTicketTasks.ByType(TaskType.Classify);
        var schema = JsonSerializer.SerializeToElement(ResultSchemas.For(task));
        using var client = new OnnxChatClient(TinyModel.Shared, DecodingJsonSchemaConstraintFactory.ForModel(TinyModel.Shared));

        var free = await client.GetResponseAsync(Prompt(task), new ChatOptions { MaxOutputTokens = 32 });
        var constrained = await client.GetResponseAsync(Prompt(task), new ChatOptions { MaxOutputTokens = 32, ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, "result") });

        Assert.False(IsJson(free.Text), $"the unconstrained random model happened to write JSON: {free.Text}");
        using var doc = JsonDocument.Parse(constrained.Text);
        Assert.Contains(doc.RootElement.GetProperty("label").GetString(), ((ClassifyTask)task).Input.Labels);
    }

    [Fact]
    public void Number_bounds_from_the_options_reach_the_compiled_grammar()
    {
        var factory = new DecodingJsonSchemaConstraintFactory(
            ModelTokenVocabulary.For(TinyModel.Shared), new DecodingConstraintOptions { MaxNumberDigits = 3, MaxNumberExponent = 5 });
        var grammar = factory.Grammars.GetOrCompile("""{"type":"number","maximum":1e4}""");

        Assert.True(grammar.Validate("123"));
        Assert.True(grammar.Validate("1.5e3"));
        Assert.False(grammar.Validate("1234"));
        Assert.False(grammar.Validate("1e6"));
        Assert.False(grammar.Validate("2e4"));
    }

    [Fact]
    public void Each_schema_is_compiled_once_and_the_cache_is_bounded()
    {
        var factory = new DecodingJsonSchemaConstraintFactory(ModelTokenVocabulary.For(TinyModel.Shared), new DecodingConstraintOptions { GrammarCacheCapacity = 2 });
        const string a = """{"type":"string"}""";
        const string b = """{"type":"integer"}""";
        const string c = """{"type":"boolean"}""";

        var first = factory.Create(a);
        var second = factory.Create(a);
        Assert.NotSame(first, second); // one constraint per generation
        Assert.Equal(1, factory.Grammars.Compilations);

        factory.Create(b);
        factory.Create(c); // evicts a, the least recently used
        Assert.Equal(2, factory.Grammars.Count);
        factory.Create(a);
        Assert.Equal(4, factory.Grammars.Compilations);
        factory.Create(c);
        Assert.Equal(4, factory.Grammars.Compilations);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(512)]
    public void The_mask_cache_budget_reaches_the_compiled_grammars(int kilobytes)
    {
        var factory = new DecodingJsonSchemaConstraintFactory(ModelTokenVocabulary.For(TinyModel.Shared), new DecodingConstraintOptions { MaskCacheKilobytes = kilobytes });

        factory.Create("""{"type":"object","properties":{"a":{"type":"string"}}}""");

        Assert.Equal(kilobytes * 1024L, factory.Grammars.GetOrCompile("""{"type":"object","properties":{"a":{"type":"string"}}}""").Options.MaskCacheBytes);
        Assert.Equal(1, factory.Grammars.Compilations);
    }

    [Fact]
    public void A_bad_schema_fails_with_the_keyword_and_is_not_cached()
    {
        var factory = DecodingJsonSchemaConstraintFactory.ForModel(TinyModel.Shared);

        var ex = Assert.Throws<HeteroAgents.Decoding.SchemaCompilationException>(() => factory.Create("""{"type":"wat"}"""));

        Assert.Contains("type", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, factory.Grammars.Count);
    }

    [Fact]
    public async Task Concurrent_constrained_requests_share_the_model_and_match_sequential_ones()
    {
        using var client = new OnnxChatClient(TinyModel.Shared, DecodingJsonSchemaConstraintFactory.ForModel(TinyModel.Shared, Capped));
        var tasks = SupportTicketTasks.All;
        ChatOptions Options(ITaskMessage t) => new()
        {
            MaxOutputTokens = 48,
            ResponseFormat = ChatResponseFormat.ForJsonSchema(JsonSerializer.SerializeToElement(ResultSchemas.For(t)), "result"),
        };

        var sequential = new List<string>();
        foreach (var t in tasks)
        {
            sequential.Add((await client.GetResponseAsync(Prompt(t), Options(t))).Text);
        }

        var concurrent = await Task.WhenAll(tasks.Select(t => Task.Run(() => client.GetResponseAsync(Prompt(t), Options(t)))));

        Assert.Equal(sequential, concurrent.Select(r => r.Text));
    }

    private static ChatMessage[] Prompt(ITaskMessage task) =>
    [
        new(ChatRole.System, "Answer with JSON only."),
        new(ChatRole.User, task switch
        {
            ClassifyTask c => c.Input.Text,
            ExtractTask e => e.Input.Text,
            ToolCallTask t => t.Input.Request,
            SummarizeTask s => s.Input.Text,
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        }),
    ];

    private static bool IsJson(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

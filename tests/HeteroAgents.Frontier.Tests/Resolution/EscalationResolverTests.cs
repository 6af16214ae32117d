using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Frontier.Tests.Resolution;

public sealed class EscalationResolverTests
{
    private static readonly ClassifyTask Classify = new(TaskIds.Create("b1", "t1"), "b1", "t1",
        new ClassifyInput("My parcel never arrived.", ["refund", "shipping", "other"]));

    private static ServiceProvider Services(ScriptedFrontierChatClient? frontier, string timeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hetero:Frontier:Timeout"] = timeout,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHeteroFrontier(configuration);
        if (frontier is not null)
        {
            services.AddHeteroFrontier(_ => frontier);
        }

        return services.BuildServiceProvider(true);
    }

    private static async Task<FrontierResolutionException> FailureAsync(ITaskMessage task, Func<CancellationToken, Task<ChatResponse>> answer, string timeout = "00:00:30")
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, ct) => answer(ct) };
        await using var services = Services(frontier, timeout);
        var resolver = services.GetRequiredService<EscalationResolver>();
        var ex = await Assert.ThrowsAsync<FrontierResolutionException>(() => resolver.ResolveAsync(task));
        Assert.Equal(task.TaskId, ex.TaskId);
        Assert.Equal(task.Type, ex.TaskType);
        return ex;
    }

    [Fact]
    public async Task A_valid_structured_answer_is_returned_with_the_frontier_as_server_and_its_usage()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"label":"shipping"}""") };
        await using var services = Services(frontier);

        var resolution = await services.GetRequiredService<EscalationResolver>().ResolveAsync(Classify, EscalationReason.LowConfidence);

        Assert.Equal("shipping", resolution.Result.GetProperty("label").GetString());
        Assert.Equal("frontier:scripted-frontier", resolution.ServedBy);
        Assert.Equal(new TaskUsage(80, 12), resolution.Usage);
        var request = Assert.Single(frontier.ResolutionRequests);
        var format = Assert.IsType<ChatResponseFormatJson>(request.Options!.ResponseFormat);
        Assert.Equal("classify_result", format.SchemaName);
        Assert.Equal(3, format.Schema!.Value.GetProperty("properties").GetProperty("label").GetProperty("enum").GetArrayLength());
        Assert.Contains(request.Messages, m => m.Text.Contains("My parcel never arrived.", StringComparison.Ordinal));
        var tags = request.Options.AdditionalProperties!;
        Assert.Equal("classify", tags[FlywheelPropertyKeys.TaskType]);
        Assert.Equal("b1", tags[FlywheelPropertyKeys.BatchId]);
        Assert.Equal("low_confidence", tags[FlywheelPropertyKeys.EscalationReason]);
    }

    [Fact]
    public async Task An_answer_in_a_code_fence_is_accepted()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("```json\n{\"label\":\"refund\"}\n```") };
        await using var services = Services(frontier);

        var resolution = await services.GetRequiredService<EscalationResolver>().ResolveAsync(Classify);

        Assert.Equal("refund", resolution.Result.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Invalid_JSON_fails_with_InvalidJson_and_keeps_the_raw_answer()
    {
        var ex = await FailureAsync(Classify, _ => ScriptedFrontierChatClient.Json("Sure! The label is shipping."));

        Assert.Equal(FrontierFailureKind.InvalidJson, ex.Kind);
        Assert.Equal("Sure! The label is shipping.", ex.RawOutput);
        Assert.Contains("invalid_json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_label_outside_the_set_fails_with_SchemaInvalid()
    {
        var ex = await FailureAsync(Classify, _ => ScriptedFrontierChatClient.Json("""{"label":"complaint"}"""));

        Assert.Equal(FrontierFailureKind.SchemaInvalid, ex.Kind);
        Assert.Contains("complaint", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_fails_with_Refusal()
    {
        var ex = await FailureAsync(Classify, _ => ScriptedFrontierChatClient.Refusal("I can't help with that."));

        Assert.Equal(FrontierFailureKind.Refusal, ex.Kind);
        Assert.Contains("I can't help with that.", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frontier_that_never_answers_fails_with_Timeout_after_the_configured_limit()
    {
        var ex = await FailureAsync(Classify, ScriptedFrontierChatClient.Hang, timeout: "00:00:01");

        Assert.Equal(FrontierFailureKind.Timeout, ex.Kind);
        Assert.Contains("Hetero:Frontier:Timeout", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backend_exception_fails_with_BackendError()
    {
        var ex = await FailureAsync(Classify, _ => throw new HttpRequestException("connection refused"));

        Assert.Equal(FrontierFailureKind.BackendError, ex.Kind);
        Assert.Contains("connection refused", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_summary_over_the_word_budget_fails_with_SchemaInvalid()
    {
        var task = new SummarizeTask(TaskIds.Create("b1", "s1"), "b1", "s1", new SummarizeInput("A long story about a lost parcel.", MaxWords: 3));

        var ex = await FailureAsync(task, _ => ScriptedFrontierChatClient.Json("""{"summary":"the parcel was lost in transit"}"""));

        Assert.Equal(FrontierFailureKind.SchemaInvalid, ex.Kind);
        Assert.Contains("6 words; max_words is 3", ex.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tool_arguments_that_violate_the_tool_schema_fail_with_SchemaInvalid()
    {
        var parameters = JsonDocument.Parse("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""").RootElement.Clone();
        var task = new ToolCallTask(TaskIds.Create("b1", "c1"), "b1", "c1",
            new ToolCallInput("Where is order A-1?", [new ToolDefinition("track_order", "Tracks an order.", parameters)]));

        var ex = await FailureAsync(task, _ => ScriptedFrontierChatClient.Json("""{"name":"track_order","arguments":{}}"""));

        Assert.Equal(FrontierFailureKind.SchemaInvalid, ex.Kind);
        Assert.Contains("order_id", ex.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_frontier_the_availability_says_so_and_the_resolver_refuses()
    {
        await using var services = Services(null);
        var resolver = services.GetRequiredService<EscalationResolver>();

        Assert.False(services.GetRequiredService<FrontierAvailability>().IsConfigured);
        await Assert.ThrowsAsync<InvalidOperationException>(() => resolver.ResolveAsync(Classify));
    }

    [Fact]
    public void ToTask_rebuilds_the_typed_task_from_an_escalation_event_and_rejects_a_wrong_shape()
    {
        var input = JsonSerializer.SerializeToElement(Classify.Input, HeteroJson.Options);
        var escalated = new TaskEscalated(Classify.TaskId, "b1", "t1", TaskType.Classify, EscalationReason.LowConfidence, "low", input, "{}", "slm:x", 0.2, TaskUsage.None, 5);

        var task = Assert.IsType<ClassifyTask>(EscalationResolver.ToTask(escalated));
        Assert.Equal(Classify.Input.Labels, task.Input.Labels);

        var wrong = escalated with { Input = JsonDocument.Parse("""{"txt":"x"}""").RootElement.Clone() };
        var ex = Assert.Throws<ArgumentException>(() => EscalationResolver.ToTask(wrong));
        Assert.Equal("input", ex.ParamName);

        // Right shape, members missing: refused too (it could be neither sent to the frontier nor logged).
        var incomplete = escalated with { Input = JsonDocument.Parse("{}").RootElement.Clone() };
        var missing = Assert.Throws<ArgumentException>(() => EscalationResolver.ToTask(incomplete));
        Assert.Equal("input", missing.ParamName);
        Assert.Contains("without a required member", missing.Message, StringComparison.Ordinal);
    }
}

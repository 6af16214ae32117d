using HeteroAgents.Testing.Tasks;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Tests.Support;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Worker.Tests.Consumers;

public sealed class TaskConsumerTests
{
    [Fact]
    public async Task Valid_classification_is_completed_with_result_usage_confidence_and_served_by()
    {
        var chat = new ScriptedChatClient().Reply("""{"label":"shipping"}""", confidence: 0.91, inputTokens: 40, outputTokens: 6);
        await using var worker = await WorkerHarness.StartAsync(chat);
        var task = SampleTasks.Classify();

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(task));

        Assert.Equal(task.TaskId, completed.TaskId);
        Assert.Equal("c1", completed.CustomId);
        Assert.Equal(TaskType.Classify, completed.TaskType);
        Assert.Equal("shipping", completed.Result.GetProperty("label").GetString());
        Assert.Equal("slm:scripted-model", completed.ServedBy);
        Assert.Equal(0.91, completed.Confidence);
        Assert.Equal(new TaskUsage(40, 6), completed.Usage);
        Assert.True(completed.LatencyMs >= 0);
        var request = Assert.Single(chat.Requests);
        Assert.Contains("<text>\nWhere is my parcel?", request.UserText, StringComparison.Ordinal);
        // The narrowed result schema is the decoding constraint.
        var format = Assert.IsType<Microsoft.Extensions.AI.ChatResponseFormatJson>(request.Options?.ResponseFormat);
        Assert.True(System.Text.Json.JsonElement.DeepEquals(
            System.Text.Json.JsonSerializer.SerializeToElement(ResultSchemas.For(task)), format.Schema!.Value));
    }

    [Fact]
    public async Task Output_that_is_not_json_escalates_schema_invalid_with_the_raw_output_and_the_input()
    {
        var chat = new ScriptedChatClient().Reply("I think it is shipping");
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.SchemaInvalid, escalated.Reason);
        Assert.Contains("not valid JSON", escalated.Detail, StringComparison.Ordinal);
        Assert.Equal("I think it is shipping", escalated.RawOutput);
        Assert.Equal("shipping", escalated.Input.GetProperty("labels")[1].GetString());
    }

    [Fact]
    public async Task Label_outside_the_set_escalates_schema_invalid_naming_the_label_check()
    {
        var chat = new ScriptedChatClient().Reply("""{"label":"billing"}""");
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.SchemaInvalid, escalated.Reason);
        Assert.Contains("label_in_set", escalated.Detail, StringComparison.Ordinal);
        Assert.Contains("'billing'", escalated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extracted_value_missing_from_the_source_escalates_semantic_invalid()
    {
        var chat = new ScriptedChatClient().Reply("""{"order_number":"B-9999"}""");
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Extract()));

        Assert.Equal(EscalationReason.SemanticInvalid, escalated.Reason);
        Assert.Contains("value_in_source", escalated.Detail, StringComparison.Ordinal);
        Assert.Contains("$.order_number", escalated.Detail, StringComparison.Ordinal);
        Assert.Equal("""{"order_number":"B-9999"}""", escalated.RawOutput);
    }

    [Fact]
    public async Task Summary_over_the_word_budget_escalates_semantic_invalid()
    {
        var chat = new ScriptedChatClient().Reply("""{"summary":"one two three four five six"}""");
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Summarize(maxWords: 5)));

        Assert.Equal(EscalationReason.SemanticInvalid, escalated.Reason);
        Assert.Contains("max_words", escalated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confidence_below_the_threshold_escalates_low_confidence()
    {
        var chat = new ScriptedChatClient().Reply("""{"label":"shipping"}""", confidence: 0.4);
        await using var worker = await WorkerHarness.StartAsync(chat, new Dictionary<string, string?> { ["Hetero:Worker:ConfidenceThreshold"] = "0.7" });

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.LowConfidence, escalated.Reason);
        Assert.Equal(0.4, escalated.Confidence);
        Assert.Contains("0.7", escalated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_over_the_size_limit_escalates_input_too_large_without_calling_the_model()
    {
        var chat = new ScriptedChatClient();
        await using var worker = await WorkerHarness.StartAsync(chat, new Dictionary<string, string?> { ["Hetero:Worker:MaxInputChars"] = "50" });

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify(text: new string('x', 200))));

        Assert.Equal(EscalationReason.InputTooLarge, escalated.Reason);
        Assert.Contains("MaxInputChars", escalated.Detail, StringComparison.Ordinal);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task Prompt_beyond_the_models_context_window_escalates_input_too_large()
    {
        var chat = new ScriptedChatClient().Throw(new ModelInputTooLargeException("prompt is 5000 tokens; the context window is 2048"));
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Summarize()));

        Assert.Equal(EscalationReason.InputTooLarge, escalated.Reason);
        Assert.Contains("context window", escalated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_contract_version_escalates_unsupported_schema_version()
    {
        var chat = new ScriptedChatClient();
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify() with { SchemaVersion = ContractVersion.Current + 1 }));

        Assert.Equal(EscalationReason.UnsupportedSchemaVersion, escalated.Reason);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task Malformed_input_fails_with_invalid_input_naming_the_field()
    {
        var chat = new ScriptedChatClient();
        await using var worker = await WorkerHarness.StartAsync(chat);

        var failed = Assert.IsType<TaskFailed>(await worker.RunAsync(SampleTasks.Classify(labels: ["only-one"])));

        Assert.Equal("invalid_input", failed.Error.Code);
        Assert.Equal("input.labels", failed.Error.Field);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task Unconfigured_backend_escalates_backend_error_saying_what_to_set()
    {
        await using var worker = await WorkerHarness.StartAsync(chat: null);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Summarize()));

        Assert.Equal(EscalationReason.BackendError, escalated.Reason);
        Assert.Contains("HETERO__SLM__ENDPOINT", escalated.Detail, StringComparison.Ordinal);
        Assert.Equal("slm:unconfigured", escalated.ServedBy);
    }

    [Fact]
    public async Task Permanent_backend_exception_escalates_backend_error_at_once()
    {
        var chat = new ScriptedChatClient().Throw(new InvalidOperationException("model crashed"));
        await using var worker = await WorkerHarness.StartAsync(chat);

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.BackendError, escalated.Reason);
        Assert.Contains("model crashed", escalated.Detail, StringComparison.Ordinal);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task Transient_backend_failure_is_retried_and_then_completes()
    {
        var chat = new ScriptedChatClient()
            .Throw(new HttpRequestException("connection refused"))
            .Reply("""{"label":"refund"}""", confidence: 0.95);
        await using var worker = await WorkerHarness.StartAsync(chat);

        var completed = Assert.IsType<TaskCompleted>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal("refund", completed.Result.GetProperty("label").GetString());
        Assert.Equal(2, chat.Requests.Count);
    }

    [Fact]
    public async Task Transient_failures_beyond_the_retry_limit_escalate_backend_error_instead_of_dropping_the_task()
    {
        var chat = new ScriptedChatClient(_ => throw new TimeoutException("backend too slow"));
        await using var worker = await WorkerHarness.StartAsync(chat, new Dictionary<string, string?> { ["Hetero:Messaging:RetryLimit"] = "2" });

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.BackendError, escalated.Reason);
        Assert.Contains("backend too slow", escalated.Detail, StringComparison.Ordinal);
        Assert.Equal(3, chat.Requests.Count); // first attempt + 2 retries
        Assert.False(await worker.Harness.Published.Any<Fault<ClassifyTask>>());
    }

    [Fact]
    public async Task Retry_limit_zero_starts_the_bus_and_escalates_a_transient_failure_on_the_first_attempt()
    {
        var chat = new ScriptedChatClient(_ => throw new TimeoutException("backend too slow"));
        await using var worker = await WorkerHarness.StartAsync(chat, new Dictionary<string, string?> { ["Hetero:Messaging:RetryLimit"] = "0" });

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify()));

        Assert.Equal(EscalationReason.BackendError, escalated.Reason);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task Request_client_gets_the_outcome_as_response_and_it_is_also_published()
    {
        var chat = new ScriptedChatClient().Reply("""{"name":"cancel_order","arguments":{"order_id":"4711"}}""", confidence: 0.95);
        await using var worker = await WorkerHarness.StartAsync(chat);
        var task = SampleTasks.ToolCall();
        var client = worker.Harness.GetRequestClient<ToolCallTask>();

        var response = await client.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(task);

        Assert.True(response.Is(out Response<TaskCompleted>? completed));
        Assert.Equal("cancel_order", completed!.Message.Result.GetProperty("name").GetString());
        Assert.True(await worker.Harness.Published.Any<TaskCompleted>(m => m.Context.Message.TaskId == task.TaskId));
    }

    [Fact]
    public async Task Each_task_type_is_served_on_its_own_kebab_case_queue()
    {
        var chat = new ScriptedChatClient(_ => ScriptedChatClient.CreateResponse("""{"summary":"Kettle arrived broken."}"""));
        await using var worker = await WorkerHarness.StartAsync(chat, types: [TaskType.Summarize]);

        var task = SampleTasks.Summarize();
        var endpoint = await worker.Harness.Bus.GetSendEndpoint(new Uri("queue:hetero-summarize"));
        await endpoint.Send(task);

        var outcomes = await worker.WaitForOutcomesAsync<SummarizeTask>(task.TaskId);
        Assert.IsType<TaskCompleted>(Assert.Single(outcomes));
        Assert.Equal("summarize", Assert.Single(chat.Requests).Options?.ResponseFormat is Microsoft.Extensions.AI.ChatResponseFormatJson { SchemaName: "hetero_summarize_result" } ? "summarize" : "other");
        Assert.NotNull(worker.Services.GetService<WorkerMetrics>());
    }
}

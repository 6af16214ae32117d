using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Worker.Tests.Pipeline;

/// <summary>
/// <see cref="TaskProcessor{TTask}"/> called directly (no bus): one outcome per task from each stage, the model's time as
/// latency, and transient backend failures thrown only while retries remain. The model is a scripted fake.
/// </summary>
public sealed class TaskProcessorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 18, 0, 0, TimeSpan.Zero));

    private TaskProcessor<ClassifyTask> Processor(ScriptedChatClient chat, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Hetero:Slm:Backend"] = "scripted",
            ["Hetero:Slm:Model"] = "scripted-model",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_time);
        services.AddOptions<MessagingOptions>();
        services.AddHeteroWorker(configuration);
        services.AddHeteroChatBackend("scripted", (_, _) => chat);
        return services.BuildServiceProvider().GetRequiredService<TaskProcessor<ClassifyTask>>();
    }

    [Fact]
    public async Task A_confident_valid_answer_completes_with_the_result_the_serving_model_and_the_model_time_as_latency()
    {
        var chat = new ScriptedChatClient().Respond(_ =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(1_250));
            return ScriptedChatClient.CreateResponse("""{"label":"shipping"}""", confidence: 0.95);
        });
        var task = SampleTasks.Classify();

        var completed = Assert.IsType<TaskCompleted>(await Processor(chat).ProcessAsync(task, finalAttempt: true, CancellationToken.None));

        Assert.Equal((task.TaskId, task.CustomId, "shipping"), (completed.TaskId, completed.CustomId, completed.Result.GetProperty("label").GetString()));
        Assert.Equal("slm:scripted-model", completed.ServedBy);
        Assert.Equal(0.95, completed.Confidence);
        Assert.Equal(1_250, completed.LatencyMs);
        Assert.Single(chat.Requests);
    }

    [Fact]
    public async Task An_answer_outside_the_result_schema_escalates_schema_invalid()
    {
        var chat = new ScriptedChatClient().Reply("""{"label":"not-a-label"}""", confidence: 0.99);

        var escalated = Assert.IsType<TaskEscalated>(await Processor(chat).ProcessAsync(SampleTasks.Classify(), finalAttempt: true, CancellationToken.None));

        Assert.Equal(EscalationReason.SchemaInvalid, escalated.Reason);
    }

    [Fact]
    public async Task An_input_over_the_limit_escalates_without_calling_the_model()
    {
        var chat = new ScriptedChatClient();

        var escalated = Assert.IsType<TaskEscalated>(await Processor(chat, new() { ["Hetero:Worker:MaxInputChars"] = "20" })
            .ProcessAsync(SampleTasks.Classify(), finalAttempt: true, CancellationToken.None));

        Assert.Equal(EscalationReason.InputTooLarge, escalated.Reason);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task A_transient_backend_failure_is_thrown_while_retries_remain_and_escalates_on_the_final_attempt()
    {
        var failure = new ChatBackendException("connection refused", isTransient: true);
        var chat = new ScriptedChatClient().Throw(failure).Throw(failure);
        var processor = Processor(chat);

        await Assert.ThrowsAsync<ChatBackendException>(() => processor.ProcessAsync(SampleTasks.Classify(), finalAttempt: false, CancellationToken.None));
        var escalated = Assert.IsType<TaskEscalated>(await processor.ProcessAsync(SampleTasks.Classify(), finalAttempt: true, CancellationToken.None));

        Assert.Equal(EscalationReason.BackendError, escalated.Reason);
        Assert.Equal(2, chat.Requests.Count);
    }
}

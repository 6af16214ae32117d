using HeteroAgents.Contracts;
using HeteroAgents.Testing.Models;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Hosting;
using HeteroAgents.Worker.Options;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NJsonSchema;
using Xunit.Abstractions;

namespace HeteroAgents.Worker.Tests.Backends;

/// <summary>
/// The worker pipeline on the in-process backend: the tiny project-built model (random weights) behind the real ONNX
/// runtime and the real constrained-decoding engine, on MassTransit's test harness.
/// </summary>
public sealed class OnnxBackendProviderTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> Settings(double threshold = 0) => new()
    {
        ["Hetero:Slm:Model"] = TinyModels.Llama, // --model <dir>
        ["Hetero:Slm:MaxOutputTokens"] = "96",
        ["Hetero:Onnx:IntraOpThreads"] = "1",
        ["Hetero:Onnx:Decoding:MaxStringLength"] = "16",
        ["Hetero:Worker:ConfidenceThreshold"] = threshold.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Every_task_completes_with_a_schema_valid_result_or_escalates_with_a_reason()
    {
        await using var worker = await WorkerHarness.StartAsync(null, Settings(), TaskType.Classify, TaskType.Extract, TaskType.ToolCall, TaskType.Summarize);
        var completed = 0;
        foreach (var task in SupportTickets.Tasks("all-"))
        {
            var outcome = await RunAsync(worker, task);

            output.WriteLine(outcome switch
            {
                TaskCompleted c => $"{task.Type}: completed {c.Result.GetRawText()} (confidence {c.Confidence:0.###})",
                TaskEscalated e => $"{task.Type}: escalated {e.Reason}: {e.Detail}",
                _ => $"{task.Type}: {outcome.GetType().Name}",
            });
            Assert.IsNotType<TaskFailed>(outcome);
            if (outcome is TaskCompleted done)
            {
                completed++;
                var schema = await JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(ResultSchemas.For(task)));
                var errors = schema.Validate(done.Result.GetRawText());
                Assert.True(errors.Count == 0, $"{task.Type}: completed with an invalid result {done.Result}: {string.Join("; ", errors)}");
                Assert.Equal("slm:tiny-llama", done.ServedBy);
                Assert.True(done.Usage.OutputTokens > 0);
            }
            else
            {
                var escalated = Assert.IsType<TaskEscalated>(outcome);
                Assert.False(string.IsNullOrWhiteSpace(escalated.Detail), $"{task.Type}: escalated {escalated.Reason} without a reason");
                Assert.NotEqual(EscalationReason.BackendError, escalated.Reason);
            }
        }

        // The classify result cannot fail semantically (the label comes from the mask), so at least that one completes.
        Assert.True(completed >= 1);
    }

    [Fact]
    public async Task The_models_confidence_reaches_the_confidence_check()
    {
        var task = (ClassifyTask)SupportTickets.Tasks("conf-")[0];
        await using (var lenient = await WorkerHarness.StartAsync(null, Settings(), TaskType.Classify))
        {
            var done = Assert.IsType<TaskCompleted>(await lenient.RunAsync(task));
            Assert.Contains(done.Result.GetProperty("label").GetString(), task.Input.Labels);
            // The confidence is the probability the model itself gave the label's tokens (before the constraint mask):
            // the constraint makes a random-weight model write a valid label, but not want to.
            Assert.Equal("label_tokens", done.Routing?.ConfidenceSource);
            Assert.InRange(done.Confidence!.Value, 0, 0.01);
        }

        await using var strict = await WorkerHarness.StartAsync(null, Settings(threshold: 0.5), TaskType.Classify);
        var escalated = Assert.IsType<TaskEscalated>(await strict.RunAsync(task with { TaskId = TaskIds.Create(SampleTasks.BatchId, "conf-strict") }));
        Assert.Equal(EscalationReason.LowConfidence, escalated.Reason);
        Assert.InRange(escalated.Confidence!.Value, 0, 0.01);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_window_escalates_input_too_large()
    {
        await using var worker = await WorkerHarness.StartAsync(null, Settings(), TaskType.Classify);
        var text = string.Join(' ', Enumerable.Repeat("My parcel is late and nobody answers my emails.", 40));

        var escalated = Assert.IsType<TaskEscalated>(await worker.RunAsync(SampleTasks.Classify(text, "too-long")));

        Assert.Equal(EscalationReason.InputTooLarge, escalated.Reason);
        Assert.Contains("context window", escalated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_picks_onnx_for_a_model_folder_given_as_model_path_or_as_model()
    {
        using var byModel = Build(new() { ["Hetero:Slm:Model"] = TinyModels.Llama });
        var slm = byModel.GetRequiredService<IOptions<SlmOptions>>().Value;
        Assert.Equal(BackendNames.Onnx, byModel.GetRequiredService<ChatBackendFactory>().ResolveBackendName());
        Assert.Equal(Path.GetFullPath(TinyModels.Llama), slm.ModelPath);
        Assert.Equal("tiny-llama", slm.Model);

        using var byPath = Build(new() { ["Hetero:Slm:ModelPath"] = TinyModels.Llama, ["Hetero:Slm:Endpoint"] = "http://127.0.0.1:9/v1" });
        Assert.Equal(BackendNames.Onnx, byPath.GetRequiredService<ChatBackendFactory>().ResolveBackendName());
        Assert.Equal("tiny-llama", byPath.GetRequiredService<IOptions<SlmOptions>>().Value.Model);

        using var byName = Build(new() { ["Hetero:Slm:Model"] = "qwen2.5-0.5b" });
        Assert.Equal(BackendNames.Unconfigured, byName.GetRequiredService<ChatBackendFactory>().ResolveBackendName());
    }

    [Theory]
    [InlineData("onnx", null, "Hetero:Slm:ModelPath is not set")]
    [InlineData("auto", "/no/such/model-folder", "'/no/such/model-folder', which is not a folder")]
    public void Bad_onnx_settings_fail_at_start_naming_the_setting(string backend, string? modelPath, string expected)
    {
        using var services = Build(new() { ["Hetero:Slm:Backend"] = backend, ["Hetero:Slm:ModelPath"] = modelPath });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SlmOptions>>().Value);

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private static Task<ITaskOutcome> RunAsync(WorkerHarness worker, ITaskMessage task) => task switch
    {
        ClassifyTask c => worker.RunAsync(c),
        ExtractTask e => worker.RunAsync(e),
        ToolCallTask t => worker.RunAsync(t),
        SummarizeTask s => worker.RunAsync(s),
        _ => throw new ArgumentOutOfRangeException(nameof(task)),
    };

    private static ServiceProvider Build(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHeteroWorker(configuration);
        return services.BuildServiceProvider();
    }
}

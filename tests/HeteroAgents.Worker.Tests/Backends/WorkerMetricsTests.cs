using System.Diagnostics.Metrics;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.Chat;
using HeteroAgents.Testing.Tasks;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Worker.Tests.Backends;

public sealed class WorkerMetricsTests
{
    private sealed class Recorder : IDisposable
    {
        private readonly MeterListener _listener = new();

        // Only this test's meters: tests run in parallel and others record on meters of the same name,
        // so filter by the meter factory (the meter's scope) of the test's own service provider.
        public Recorder(IMeterFactory scope)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Meter.Name == WorkerMetrics.MeterName &&
                    instrument.Name.StartsWith("hetero.worker.", StringComparison.Ordinal))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            {
                lock (Measurements)
                {
                    Measurements.Add((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString())));
                }
            });
            _listener.Start();
        }

        public List<(string Name, long Value, Dictionary<string, string?> Tags)> Measurements { get; } = [];

        public void Dispose() => _listener.Dispose();
    }

    [Fact]
    public async Task Usage_accounting_counts_tokens_and_fills_missing_usage()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<WorkerMetrics>().BuildServiceProvider();
        using var recorder = new Recorder(services.GetRequiredService<IMeterFactory>());
        var backend = new ScriptedChatClient().Respond(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, "{}")))
            .Reply("{}", inputTokens: 30, outputTokens: 7);
        using var client = new UsageAccountingChatClient(backend, services.GetRequiredService<WorkerMetrics>());

        var withoutUsage = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        Assert.Equal(0, withoutUsage.Usage?.InputTokenCount);
        lock (recorder.Measurements)
        {
            Assert.Contains(recorder.Measurements, m => m.Name == "hetero.worker.tokens" && m.Value == 30 && m.Tags["direction"] == "input");
            Assert.Contains(recorder.Measurements, m => m.Name == "hetero.worker.tokens" && m.Value == 7 && m.Tags["direction"] == "output");
        }
    }

    [Fact]
    public void Outcomes_are_counted_by_task_status_and_reason()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<WorkerMetrics>().BuildServiceProvider();
        using var recorder = new Recorder(services.GetRequiredService<IMeterFactory>());
        var metrics = services.GetRequiredService<WorkerMetrics>();
        var task = SampleTasks.Extract();

        metrics.RecordOutcome(new TaskEscalated(task.TaskId, task.BatchId, task.CustomId, TaskType.Extract, EscalationReason.SemanticInvalid,
            "d", SampleTasks.Json("{}"), null, "slm:m", null, TaskUsage.None, 5), 5);

        lock (recorder.Measurements)
        {
            var counted = Assert.Single(recorder.Measurements, m => m.Name == "hetero.worker.tasks");
            Assert.Equal("extract", counted.Tags["task"]);
            Assert.Equal("escalated", counted.Tags["status"]);
            Assert.Equal("semantic_invalid", counted.Tags["reason"]);
        }
    }

    [Fact]
    public void Escalations_are_counted_by_task_and_reason_and_completions_are_not()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<WorkerMetrics>().BuildServiceProvider();
        using var recorder = new Recorder(services.GetRequiredService<IMeterFactory>());
        var metrics = services.GetRequiredService<WorkerMetrics>();
        var task = SampleTasks.Classify();

        metrics.RecordOutcome(new TaskEscalated(task.TaskId, task.BatchId, task.CustomId, TaskType.Classify, EscalationReason.LowConfidence,
            "d", SampleTasks.Json("{}"), null, "slm:m", 0.2, TaskUsage.None, 5), 5);
        metrics.RecordOutcome(new TaskCompleted(task.TaskId, task.BatchId, task.CustomId, TaskType.Classify, SampleTasks.Json("{}"), "slm:m", 0.9, TaskUsage.None, 3), 3);

        lock (recorder.Measurements)
        {
            var escalation = Assert.Single(recorder.Measurements, m => m.Name == "hetero.worker.escalations");
            Assert.Equal("classify", escalation.Tags["task"]);
            Assert.Equal("low_confidence", escalation.Tags["reason"]);
            Assert.Equal(2, recorder.Measurements.Count(m => m.Name == "hetero.worker.tasks"));
        }
    }

    [Fact]
    public async Task Usage_accounting_records_output_tokens_per_second_on_the_time_provider()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<WorkerMetrics>().BuildServiceProvider();
        var scope = services.GetRequiredService<IMeterFactory>();
        var speeds = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Name == "hetero.worker.generation.speed")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => speeds.Add(value));
        listener.Start();
        var time = new FakeTimeProvider { AutoAdvanceAmount = TimeSpan.FromSeconds(2) };
        var backend = new ScriptedChatClient().Reply("{}", outputTokens: 10).Reply("{}", outputTokens: 0);
        using var client = new UsageAccountingChatClient(backend, services.GetRequiredService<WorkerMetrics>(), time);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        // 10 tokens over the 2 s the clock moved during the call; the call with no output records nothing.
        Assert.Equal([5.0], speeds);
    }
}

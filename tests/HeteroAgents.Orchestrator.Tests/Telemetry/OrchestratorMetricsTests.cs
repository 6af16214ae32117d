using System.Diagnostics.Metrics;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Recording;
using HeteroAgents.Orchestrator.Store;
using HeteroAgents.Orchestrator.Telemetry;
using HeteroAgents.Frontier;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Orchestrator.Tests.Telemetry;

/// <summary>The recorder's counts in <see cref="OrchestratorMetrics"/>, on MassTransit's test harness.</summary>
public sealed class OrchestratorMetricsTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Recorder_counts_outcomes_by_status_and_reason_and_every_escalation(bool frontierResolves)
    {
        var services = new ServiceCollection()
            .AddSingleton<IBatchStore>(new InMemoryBatchStore())
            .AddMetrics()
            .AddSingleton<OrchestratorMetrics>()
            .AddOptions()
            .Configure<MessagingOptions>(_ => { })
            .AddSingleton(frontierResolves ? FrontierAvailability.Configured : FrontierAvailability.NotConfigured)
            .AddMassTransitTestHarness(x => x.AddConsumer<TaskOutcomeRecorder, TaskOutcomeRecorderDefinition>());
        await using var provider = services.BuildServiceProvider(true);
        var measurements = new List<(string Name, Dictionary<string, string?> Tags)>();
        using var listener = Listen(provider.GetRequiredService<IMeterFactory>(), measurements);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        using var result = JsonDocument.Parse("""{"label":"refund"}""");

        await harness.Bus.Publish(new TaskCompleted(TaskIds.Create("b", "c"), "b", "c", TaskType.Classify, result.RootElement.Clone(), "slm:m", 0.8, new TaskUsage(3, 1), 5));
        await harness.Bus.Publish(new TaskEscalated(TaskIds.Create("b", "e"), "b", "e", TaskType.Extract, EscalationReason.SemanticInvalid, "value not in text",
            result.RootElement.Clone(), "{}", "slm:m", null, TaskUsage.None, 7));
        await harness.Bus.Publish(new TaskFailed(TaskIds.Create("b", "f"), "b", "f", TaskType.Summarize, new TaskError("invalid_input", "bad")));
        Assert.True(await harness.Consumed.Any<TaskFailed>());
        Assert.True(await harness.Consumed.Any<TaskEscalated>());
        Assert.True(await harness.Consumed.Any<TaskCompleted>());
        await harness.InactivityTask;

        lock (measurements)
        {
            var escalation = Assert.Single(measurements, m => m.Name == "hetero.orchestrator.escalations");
            Assert.Equal("extract", escalation.Tags["task"]);
            Assert.Equal("semantic_invalid", escalation.Tags["reason"]);
            var outcomes = measurements.Where(m => m.Name == "hetero.orchestrator.tasks").Select(m => $"{m.Tags["task"]}/{m.Tags["status"]}/{m.Tags["reason"]}").Order().ToList();
            // With a frontier model the escalation is left to it, so only its final outcome (not part of this test) is counted.
            Assert.Equal(frontierResolves
                ? ["classify/completed/", "summarize/failed/invalid_input"]
                : ["classify/completed/", "extract/escalated/semantic_invalid", "summarize/failed/invalid_input"], outcomes);
            Assert.Equal(frontierResolves ? 1 : 2, measurements.Count(m => m.Name == "hetero.orchestrator.task.duration"));
        }
    }

    private static MeterListener Listen(IMeterFactory scope, List<(string, Dictionary<string, string?>)> measurements)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Meter.Name == OrchestratorMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Add(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                copy[tag.Key] = tag.Value?.ToString();
            }

            lock (measurements)
            {
                measurements.Add((instrument.Name, copy));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, _, t, _) => Add(i, t));
        listener.SetMeasurementEventCallback<double>((i, _, t, _) => Add(i, t));
        listener.Start();
        return listener;
    }
}

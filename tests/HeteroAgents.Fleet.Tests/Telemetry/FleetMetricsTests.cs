using System.Diagnostics.Metrics;
using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Telemetry;
using HeteroAgents.Fleet.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Fleet.Tests.Telemetry;

/// <summary>The fleet gauges over a scripted broker and fake worker processes.</summary>
public sealed class FleetMetricsTests
{
    private readonly ScriptedQueueStatsSource _queues = new();
    private readonly FakeWorkerLauncher _launcher = new();

    private ServiceProvider Build(bool supervisor)
    {
        var services = new ServiceCollection().AddMetrics().AddLogging();
        services.AddSingleton<IQueueStatsSource>(_queues);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<FleetMetrics>();
        if (supervisor)
        {
            services.AddSingleton<IWorkerLauncher>(_launcher);
            services.AddSingleton(sp => new WorkerSupervisor(_launcher, _queues, TimeProvider.System, sp.GetRequiredService<ILogger<WorkerSupervisor>>()));
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Queue_gauges_report_ready_unacknowledged_and_consumers_of_existing_queues_and_keep_them_while_the_broker_is_down()
    {
        using var provider = Build(supervisor: false);
        var metrics = provider.GetRequiredService<FleetMetrics>();
        _queues.Set("hetero-classify", ready: 7, unacked: 2, consumers: 3);
        _queues.Set("hetero-classify_error", ready: 1);

        Assert.Equal(8, await metrics.SampleAsync(CancellationToken.None));
        var first = Observe(provider);
        _queues.SetDown(true);
        await Assert.ThrowsAsync<RabbitMqManagementException>(() => metrics.SampleAsync(CancellationToken.None));
        var whileDown = Observe(provider);

        Assert.Contains(("hetero.queue.messages", "hetero-classify", "ready", 7.0), first);
        Assert.Contains(("hetero.queue.messages", "hetero-classify", "unacknowledged", 2.0), first);
        Assert.Contains(("hetero.queue.messages", "hetero-classify_error", "ready", 1.0), first);
        Assert.Contains(("hetero.queue.consumers", "hetero-classify", null, 3.0), first);
        Assert.Contains(("hetero.queue.oldest_message.age", "hetero-classify", null, 3.0), first);
        Assert.DoesNotContain(first, m => m.Queue == "hetero-extract");
        Assert.DoesNotContain(first, m => m.Name.StartsWith("hetero.fleet.", StringComparison.Ordinal));
        Assert.Equal(first.Order(), whileDown.Order());
    }

    [Fact]
    public async Task Worker_gauges_follow_the_supervisors_pools()
    {
        using var provider = Build(supervisor: true);
        _ = provider.GetRequiredService<FleetMetrics>();
        var supervisor = provider.GetRequiredService<WorkerSupervisor>();
        _queues.Set("hetero-summarize", ready: 100);
        using var stop = new CancellationTokenSource();
        var run = supervisor.RunAsync(new FleetConfig
        {
            PollInterval = TimeSpan.FromMilliseconds(20),
            ScaleUpCooldown = TimeSpan.Zero,
            ScaleDownCooldown = TimeSpan.FromSeconds(60),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            RestartBackoff = new RestartBackoff { Initial = TimeSpan.FromMilliseconds(20), Max = TimeSpan.FromMilliseconds(80) },
            Workers = [new WorkerPoolConfig { TaskType = TaskType.Summarize, Queue = "hetero-summarize", Min = 1, Max = 2, TargetPerWorker = 10, Args = ["--task", "summarize"] }],
        }, stop.Token);
        try
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
            while (_launcher.Alive.Count < 2)
            {
                Assert.True(DateTime.UtcNow < deadline, "the pool did not grow to 2 workers");
                await Task.Delay(10);
            }

            _launcher.Alive[0].Crash();
            while (supervisor.GetStatus()[0].Crashes < 1)
            {
                Assert.True(DateTime.UtcNow < deadline, "the crash was not seen");
                await Task.Delay(10);
            }

            var observed = Observe(provider);

            Assert.True(observed.Contains(("hetero.fleet.workers", "hetero-summarize", "desired", 2.0)), string.Join("; ", observed));
            Assert.Contains(observed, m => m is { Name: "hetero.fleet.workers", Queue: "hetero-summarize", State: "running" } && m.Value >= 1);
            Assert.Contains(("hetero.fleet.worker.crashes", "hetero-summarize", null, 1.0), observed);
        }
        finally
        {
            await stop.CancelAsync();
            await run;
        }
    }

    /// <summary>One collection of this provider's observable instruments: (instrument, queue, state, value).</summary>
    private static List<(string Name, string? Queue, string? State, double Value)> Observe(ServiceProvider provider)
    {
        var scope = provider.GetRequiredService<IMeterFactory>();
        var seen = new List<(string, string?, string?, double)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope) && instrument.Meter.Name == FleetMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? queue = null, state = null;
            foreach (var tag in tags)
            {
                queue = tag.Key == "queue" ? tag.Value as string : queue;
                state = tag.Key == "state" ? tag.Value as string : state;
            }

            seen.Add((instrument.Name, queue, state, value));
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Add(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Add(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return seen;
    }
}

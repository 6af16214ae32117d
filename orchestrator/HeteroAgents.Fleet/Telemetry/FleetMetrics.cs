using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Fleet.Telemetry;

/// <summary>
/// The fleet's gauges (meter <c>HeteroAgents.Fleet</c>): queue depth and consumers of every task queue and its error
/// queue, read from the RabbitMQ management API every <see cref="SampleInterval"/> (the broker refreshes its own
/// figures every 5 s), and, when <c>hetero fleet up</c> runs a <see cref="WorkerSupervisor"/>, the worker counts of each pool.
/// A broker that cannot be read keeps the last figures and logs one warning until it answers again.
/// </summary>
public sealed partial class FleetMetrics : BackgroundService
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "HeteroAgents.Fleet";

    /// <summary>How often the queues are read.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(10);

    private static readonly string[] Queues = [.. TaskKindRegistry.Default.All.Select(k => k.QueueName).SelectMany(q => new[] { q, q + "_error" })];

    private readonly IServiceProvider _services;
    private readonly TimeProvider _time;
    private readonly ILogger<FleetMetrics> _logger;
    private readonly ConcurrentDictionary<string, QueueStats> _latest = new(StringComparer.Ordinal);

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>.</summary>
    public FleetMetrics(IMeterFactory meterFactory, IServiceProvider services, TimeProvider time, ILogger<FleetMetrics> logger)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _services = services;
        _time = time;
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("hetero.queue.messages", ObserveMessages, "{message}", "Messages in a queue: ready (waiting) and unacknowledged (in flight).");
        meter.CreateObservableGauge("hetero.queue.consumers", () => _latest.Values.Select(q => new Measurement<long>(q.Consumers, Queue(q.Name))), "{consumer}", "Consumers attached to a queue.");
        meter.CreateObservableGauge("hetero.queue.oldest_message.age", () => _latest.Values.Where(q => q.OldestMessageAge.HasValue)
            .Select(q => new Measurement<double>(q.OldestMessageAge!.Value.TotalSeconds, Queue(q.Name))), "s", "Age of the message at the head of a queue.");
        meter.CreateObservableGauge("hetero.fleet.workers", ObserveWorkers, "{worker}", "Worker processes of a fleet pool, by state (running, pending_restart, stopping, desired).");
        meter.CreateObservableCounter("hetero.fleet.worker.crashes", () => Pools().Select(p => new Measurement<long>(p.Crashes, Queue(p.Queue))), "{crash}", "Unrequested worker exits since the fleet started.");
    }

    /// <summary>Reads every queue once (also used by tests); returns how many queues answered.</summary>
    public async Task<int> SampleAsync(CancellationToken cancellationToken)
    {
        var source = _services.GetRequiredService<IQueueStatsSource>();
        var answered = 0;
        foreach (var queue in Queues)
        {
            var stats = await source.GetQueueAsync(queue, cancellationToken).ConfigureAwait(false);
            answered++;
            if (stats.Exists)
            {
                _latest[queue] = stats;
            }
            else
            {
                _latest.TryRemove(queue, out _);
            }
        }

        return answered;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken).ConfigureAwait(false);
                failing = false;
            }
            catch (RabbitMqManagementException ex)
            {
                if (!failing)
                {
                    LogPaused(ex.Message);
                }

                failing = true;
            }

            try
            {
                await Task.Delay(SampleInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private IEnumerable<Measurement<long>> ObserveMessages() =>
        _latest.Values.SelectMany(q => new[]
        {
            new Measurement<long>(q.Ready, Queue(q.Name), new("state", "ready")),
            new Measurement<long>(q.Unacknowledged, Queue(q.Name), new("state", "unacknowledged")),
        });

    private IEnumerable<Measurement<long>> ObserveWorkers() =>
        Pools().SelectMany(p => new[]
        {
            new Measurement<long>(p.Running, Queue(p.Queue), new("state", "running")),
            new Measurement<long>(p.PendingRestarts, Queue(p.Queue), new("state", "pending_restart")),
            new Measurement<long>(p.Stopping, Queue(p.Queue), new("state", "stopping")),
            new Measurement<long>(p.LastDecision?.Desired ?? p.Running, Queue(p.Queue), new("state", "desired")),
        });

    private IReadOnlyList<WorkerPoolStatus> Pools() => _services.GetService<WorkerSupervisor>()?.GetStatus() ?? [];

    private static KeyValuePair<string, object?> Queue(string name) => new("queue", name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue depth metrics paused: {Message}")]
    private partial void LogPaused(string message);
}

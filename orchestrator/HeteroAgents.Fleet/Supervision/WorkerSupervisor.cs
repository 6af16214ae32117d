using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// Runs <c>hetero fleet up</c>: one pool of worker processes per configured task type, scaled between min and
/// max by <see cref="Scaling.ScalingPolicy"/> on the queue depth read every poll interval, with crashed workers
/// restarted after an exponential backoff. Cancelling <see cref="RunAsync"/> stops every worker gracefully
/// (SIGTERM, then kill after <see cref="FleetConfig.ShutdownTimeout"/>) before it returns.
/// </summary>
public sealed partial class WorkerSupervisor
{
    private readonly IWorkerLauncher _launcher;
    private readonly IQueueStatsSource _queues;
    private readonly TimeProvider _time;
    private readonly ILogger<WorkerSupervisor> _logger;
    private readonly SemaphoreSlim _wake = new(0);
    private IReadOnlyList<WorkerPool> _pools = [];
    private int _running;

    /// <summary>Creates a supervisor.</summary>
    public WorkerSupervisor(IWorkerLauncher launcher, IQueueStatsSource queues, TimeProvider time, ILogger<WorkerSupervisor> logger)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _launcher = launcher;
        _queues = queues;
        _time = time;
        _logger = logger;
    }

    /// <summary>What each pool is doing now (empty before <see cref="RunAsync"/> starts). Safe to call from any thread.</summary>
    public IReadOnlyList<WorkerPoolStatus> GetStatus() => [.. Volatile.Read(ref _pools).Select(p => p.GetStatus())];

    /// <summary>
    /// Supervises the fleet until <paramref name="cancellationToken"/> is cancelled, then stops every worker and
    /// returns (without throwing for that cancellation). A broker that cannot be read only pauses scaling: workers
    /// keep running and crashed ones are still restarted. One run at a time per instance.
    /// </summary>
    public async Task RunAsync(FleetConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Workers.Count == 0)
        {
            throw new ArgumentException("The fleet configuration has no worker pools.", nameof(config));
        }

        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            throw new InvalidOperationException("This supervisor is already running.");
        }

        var pools = config.Workers
            .Select(w => new WorkerPool(w, config, _launcher, _time, _logger, () => _wake.Release()))
            .ToList();
        Volatile.Write(ref _pools, pools);
        LogStarted(string.Join(", ", pools.Select(p => $"{p.Config.TaskType.ToWireName()} [{p.Config.Min}..{p.Config.Max}]")));

        try
        {
            var nextPoll = _time.GetUtcNow();
            var brokerDown = false;
            while (!cancellationToken.IsCancellationRequested)
            {
                IReadOnlyList<QueueStats?>? readings = null;
                if (_time.GetUtcNow() >= nextPoll)
                {
                    readings = await ReadQueuesAsync(pools, brokerDown, cancellationToken);
                    brokerDown = readings.Any(r => r is null);
                    nextPoll = _time.GetUtcNow() + config.PollInterval;
                }

                var wakeAt = nextPoll;
                for (var i = 0; i < pools.Count; i++)
                {
                    if (pools[i].Step(readings?[i]) is { } due && due < wakeAt)
                    {
                        wakeAt = due;
                    }
                }

                await WaitAsync(wakeAt - _time.GetUtcNow(), cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            LogStopping(pools.Count);
            await Task.WhenAll(pools.Select(p => p.StopAllAsync()));
            Volatile.Write(ref _running, 0);
        }
    }

    private async Task<IReadOnlyList<QueueStats?>> ReadQueuesAsync(List<WorkerPool> pools, bool wasDown, CancellationToken cancellationToken)
    {
        var reads = pools.Select(async p =>
        {
            try
            {
                return await _queues.GetQueueAsync(p.Config.Queue, cancellationToken);
            }
            catch (RabbitMqManagementException ex)
            {
                if (!wasDown)
                {
                    LogQueueUnreadable(p.Config.Queue, ex.Message);
                }

                return null;
            }
        });
        return await Task.WhenAll(reads);
    }

    private async Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, _time, linked.Token);
        var exit = _wake.WaitAsync(linked.Token);
        await Task.WhenAny(timer, exit);
        await linked.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet supervisor started: {Pools}")]
    private partial void LogStarted(string pools);

    [LoggerMessage(Level = LogLevel.Information, Message = "Fleet supervisor stopping {Count} pool(s)")]
    private partial void LogStopping(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot read queue {Queue}; scaling paused, workers kept: {Reason}")]
    private partial void LogQueueUnreadable(string queue, string reason);
}

using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Scaling;
using HeteroAgents.Contracts;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// The workers of one task type: keeps their number at the policy's decision, restarts crashed ones after their
/// backoff delay and stops surplus ones gracefully. <see cref="Step"/> is synchronous and driven by the caller.
/// </summary>
internal sealed partial class WorkerPool
{
    private readonly object _gate = new();
    private readonly FleetConfig _fleet;
    private readonly IWorkerLauncher _launcher;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Action _onExit;
    private readonly List<RunningWorker> _running = [];
    private readonly List<PendingRestart> _pending = [];
    private readonly List<Task> _stopping = [];
    private int _nextInstance;
    private int _launches;
    private int _crashes;
    private ScalingDecision? _lastDecision;

    public WorkerPool(WorkerPoolConfig config, FleetConfig fleet, IWorkerLauncher launcher, TimeProvider time, ILogger logger, Action onExit)
    {
        Config = config;
        _fleet = fleet;
        _launcher = launcher;
        _time = time;
        _logger = logger;
        _onExit = onExit;
        Policy = new ScalingPolicy(config.ToScalingOptions(fleet), time);
    }

    public WorkerPoolConfig Config { get; }

    public ScalingPolicy Policy { get; }

    /// <summary>
    /// Reaps exited workers (scheduling their restart), applies the scaling policy to <paramref name="stats"/> when
    /// given (null: no new reading, keep the count but never below min), and starts restarts that are due.
    /// Returns when the next restart is due, or null.
    /// </summary>
    public DateTimeOffset? Step(QueueStats? stats)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            Reap(now);
            var count = _running.Count + _pending.Count;
            var desired = Math.Max(count, Config.Min);
            if (stats is not null)
            {
                _lastDecision = Policy.Evaluate(stats.Ready, stats.Unacknowledged, count);
                desired = _lastDecision.Desired;
                if (_lastDecision.Changes)
                {
                    LogScaling(Config.TaskType.ToWireName(), count, desired, _lastDecision.Reason, stats.Ready, stats.Unacknowledged);
                }
            }

            Resize(desired, now);
            StartDueRestarts(now);
            _stopping.RemoveAll(t => t.IsCompleted);
            return _pending.Count == 0 ? null : _pending.Min(p => p.DueAt);
        }
    }

    public WorkerPoolStatus GetStatus()
    {
        lock (_gate)
        {
            _stopping.RemoveAll(t => t.IsCompleted);
            return new WorkerPoolStatus(
                Config.TaskType,
                Config.Queue,
                _running.Count,
                _pending.Count,
                _stopping.Count,
                _launches,
                _crashes,
                [.. _running.Select(w => w.Process.Id)],
                _lastDecision);
        }
    }

    /// <summary>Cancels pending restarts and stops every worker (SIGTERM, then kill after the timeout).</summary>
    public Task StopAllAsync()
    {
        lock (_gate)
        {
            _pending.Clear();
            foreach (var worker in _running)
            {
                _stopping.Add(StopAsync(worker));
            }

            _running.Clear();
            return Task.WhenAll(_stopping);
        }
    }

    private void Reap(DateTimeOffset now)
    {
        foreach (var worker in _running.Where(w => w.Process.Exited.IsCompleted).ToList())
        {
            _running.Remove(worker);
            _crashes++;
            var ranFor = now - worker.StartedAt;
            var consecutive = ranFor >= _fleet.RestartBackoff.ResetAfter ? 1 : worker.ConsecutiveCrashes + 1;
            var delay = _fleet.RestartBackoff.DelayAfter(consecutive);
            _pending.Add(new PendingRestart(worker.Name, now + delay, consecutive));
            LogCrashed(worker.Name, worker.Process.Id, ExitCode(worker.Process), ranFor.TotalSeconds, delay.TotalSeconds, consecutive);
        }
    }

    private void Resize(int desired, DateTimeOffset now)
    {
        while (_running.Count + _pending.Count > desired)
        {
            if (_pending.Count > 0)
            {
                _pending.Remove(_pending.MaxBy(p => p.DueAt)!);
                continue;
            }

            var newest = _running[^1];
            _running.RemoveAt(_running.Count - 1);
            _stopping.Add(StopAsync(newest));
        }

        while (_running.Count + _pending.Count < desired)
        {
            Launch($"{Config.TaskType.ToWireName()}-{++_nextInstance}", 0, now);
        }
    }

    private void StartDueRestarts(DateTimeOffset now)
    {
        foreach (var due in _pending.Where(p => p.DueAt <= now).ToList())
        {
            _pending.Remove(due);
            Launch(due.Name, due.ConsecutiveCrashes, now);
        }
    }

    private void Launch(string name, int consecutiveCrashes, DateTimeOffset now)
    {
        var spec = new WorkerLaunchSpec(
            name,
            Config.TaskType,
            Config.Command,
            Config.Args,
            Config.EffectiveEnvironment());
        _launches++;
        try
        {
            var process = _launcher.Launch(spec);
            process.Exited.ContinueWith(_ => _onExit(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            _running.Add(new RunningWorker(name, process, now, consecutiveCrashes));
            LogStarted(name, process.Id, spec.Command, string.Join(' ', spec.Arguments));
        }
#pragma warning disable CA1031 // A launch failure of any kind is retried with backoff, like a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _crashes++;
            var consecutive = consecutiveCrashes + 1;
            var delay = _fleet.RestartBackoff.DelayAfter(consecutive);
            _pending.Add(new PendingRestart(name, now + delay, consecutive));
            LogStartFailed(ex, name, spec.Command, delay.TotalSeconds);
        }
    }

    private async Task StopAsync(RunningWorker worker)
    {
        try
        {
            await worker.Process.StopAsync(_fleet.ShutdownTimeout, CancellationToken.None);
            LogStopped(worker.Name, worker.Process.Id, ExitCode(worker.Process));
        }
#pragma warning disable CA1031 // Stopping must not bring the supervisor down; the failure is logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogStopFailed(ex, worker.Name, worker.Process.Id);
        }
    }

    private static int? ExitCode(IWorkerProcess process) =>
        process.Exited.IsCompletedSuccessfully ? process.Exited.Result : null;

    private sealed record RunningWorker(string Name, IWorkerProcess Process, DateTimeOffset StartedAt, int ConsecutiveCrashes);

    private sealed record PendingRestart(string Name, DateTimeOffset DueAt, int ConsecutiveCrashes);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Task}: {Current} -> {Desired} workers ({Reason}; ready {Ready}, unacked {Unacked})")]
    private partial void LogScaling(string task, int current, int desired, ScalingReason reason, long ready, long unacked);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Worker {Worker} (pid {Pid}) exited with code {Code} after {RanFor:0.0}s; restarting in {Delay:0.0}s (crash {Consecutive} in a row)")]
    private partial void LogCrashed(string worker, int pid, int? code, double ranFor, double delay, int consecutive);

    [LoggerMessage(Level = LogLevel.Information, Message = "Started worker {Worker} (pid {Pid}): {Command} {Args}")]
    private partial void LogStarted(string worker, int pid, string command, string args);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start worker {Worker} ({Command}); retrying in {Delay:0.0}s")]
    private partial void LogStartFailed(Exception exception, string worker, string command, double delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped worker {Worker} (pid {Pid}), exit code {Code}")]
    private partial void LogStopped(string worker, int pid, int? code);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stopping worker {Worker} (pid {Pid}) failed")]
    private partial void LogStopFailed(Exception exception, string worker, int pid);
}

using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Tests.Fakes;

namespace HeteroAgents.Fleet.Tests.Supervision;

/// <summary>The supervisor loop end to end with fake processes, a scripted queue and short real timings.</summary>
public sealed class WorkerSupervisorTests
{
    private readonly FakeWorkerLauncher _launcher = new();
    private readonly ScriptedQueueStatsSource _queues = new();
    private readonly RecordingLogger<WorkerSupervisor> _logger = new();

    private static FleetConfig Config(params WorkerPoolConfig[] pools) => new()
    {
        PollInterval = TimeSpan.FromMilliseconds(20),
        ScaleUpCooldown = TimeSpan.Zero,
        ScaleDownCooldown = TimeSpan.FromMilliseconds(100),
        ShutdownTimeout = TimeSpan.FromSeconds(5),
        RestartBackoff = new RestartBackoff { Initial = TimeSpan.FromMilliseconds(20), Max = TimeSpan.FromMilliseconds(80) },
        Workers = pools,
    };

    private static WorkerPoolConfig Pool(TaskType type, int min, int max) => new()
    {
        TaskType = type,
        Queue = type.QueueName(),
        Min = min,
        Max = max,
        TargetPerWorker = 10,
        Args = ["--task", type.ToWireName()],
    };

    private int Alive(TaskType type) => _launcher.Alive.Count(p => p.Spec.TaskType == type);

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Grows_toward_max_with_a_deep_queue_restarts_crashes_and_shrinks_when_drained()
    {
        var supervisor = new WorkerSupervisor(_launcher, _queues, TimeProvider.System, _logger);
        using var cts = new CancellationTokenSource();
        _queues.Set("hetero-classify", ready: 1000);
        var run = supervisor.RunAsync(Config(Pool(TaskType.Classify, 1, 3), Pool(TaskType.Extract, 1, 2)), cts.Token);

        await Until(() => Alive(TaskType.Classify) == 3, "classify grows to max (3)");
        await Until(() => Alive(TaskType.Extract) == 1, "extract stays at min (1)");

        var victim = _launcher.Alive.First(p => p.Spec.TaskType == TaskType.Classify);
        victim.Crash();
        await Until(() => supervisor.GetStatus()[0].Crashes == 1 && Alive(TaskType.Classify) == 3, "crashed classify worker restarted");
        Assert.Contains(_launcher.Alive, p => p.Spec.Name == victim.Spec.Name && p != victim);

        _queues.Set("hetero-classify", ready: 0);
        await Until(() => Alive(TaskType.Classify) == 1, "classify shrinks to min when drained");
        Assert.Equal(1, supervisor.GetStatus()[0].Crashes);     // scale-down stops are not crashes

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(_launcher.Alive);
        Assert.All(supervisor.GetStatus(), s => Assert.Equal(0, s.Running));
    }

    [Fact]
    public async Task Keeps_min_workers_and_restarts_while_the_broker_is_down()
    {
        _queues.SetDown(true);
        var supervisor = new WorkerSupervisor(_launcher, _queues, TimeProvider.System, _logger);
        using var cts = new CancellationTokenSource();
        var run = supervisor.RunAsync(Config(Pool(TaskType.Summarize, 2, 4)), cts.Token);

        await Until(() => Alive(TaskType.Summarize) == 2, "min workers start without queue readings");
        _launcher.Alive[0].Crash();
        await Until(() => supervisor.GetStatus()[0].Launches == 3 && Alive(TaskType.Summarize) == 2, "restart without the broker");
        Assert.Single(_logger.Lines, l => l.Contains("scaling paused", StringComparison.Ordinal));   // logged once per outage

        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Empty(_launcher.Alive);
    }

    [Fact]
    public async Task Rejects_a_second_concurrent_run_and_an_empty_config()
    {
        var supervisor = new WorkerSupervisor(_launcher, _queues, TimeProvider.System, _logger);
        await Assert.ThrowsAsync<ArgumentException>(() => supervisor.RunAsync(new FleetConfig(), CancellationToken.None));

        using var cts = new CancellationTokenSource();
        var run = supervisor.RunAsync(Config(Pool(TaskType.Classify, 1, 1)), cts.Token);
        await Assert.ThrowsAsync<InvalidOperationException>(() => supervisor.RunAsync(Config(Pool(TaskType.Classify, 1, 1)), cts.Token));
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Scaling;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace HeteroAgents.Fleet.Tests.Supervision;

public sealed class WorkerPoolTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeWorkerLauncher _launcher = new();
    private readonly RecordingLogger<WorkerSupervisor> _logger = new();
    private int _exitSignals;

    private static readonly FleetConfig Fleet = new()
    {
        ScaleUpCooldown = TimeSpan.FromSeconds(10),
        ScaleDownCooldown = TimeSpan.FromSeconds(60),
        RestartBackoff = new RestartBackoff
        {
            Initial = TimeSpan.FromSeconds(1),
            Max = TimeSpan.FromSeconds(8),
            Multiplier = 2,
            ResetAfter = TimeSpan.FromSeconds(30),
        },
    };

    private static WorkerPoolConfig Classify(int min = 1, int max = 4) => new()
    {
        TaskType = TaskType.Classify,
        Queue = "hetero-classify",
        Min = min,
        Max = max,
        TargetPerWorker = 10,
        Command = "hetero-worker",
        Args = ["--task", "classify"],
        Model = "tiny",
    };

    private WorkerPool NewPool(WorkerPoolConfig? config = null) =>
        new(config ?? Classify(), Fleet, _launcher, _time, _logger, () => Interlocked.Increment(ref _exitSignals));

    private static QueueStats Depth(long ready, long unacked = 0) => new("hetero-classify", true, ready, unacked, 0, null, null, null);

    [Fact]
    public void Starts_min_workers_with_the_configured_command_and_model()
    {
        var pool = NewPool(Classify(min: 2));
        pool.Step(Depth(0));

        Assert.Equal(2, _launcher.Alive.Count);
        var spec = _launcher.Launched[0].Spec;
        Assert.Equal("hetero-worker", spec.Command);
        Assert.Equal(["--task", "classify"], spec.Arguments);
        Assert.Equal("tiny", spec.Environment["HETERO__SLM__MODEL"]);
        Assert.Equal(["classify-1", "classify-2"], _launcher.Launched.Select(p => p.Spec.Name).ToArray());
    }

    [Fact]
    public void Starts_min_workers_even_without_a_queue_reading()
    {
        var pool = NewPool(Classify(min: 2));
        pool.Step(null);
        Assert.Equal(2, _launcher.Alive.Count);
        Assert.Null(pool.GetStatus().LastDecision);
    }

    [Fact]
    public void Grows_with_depth_and_shrinks_newest_first_when_idle()
    {
        var pool = NewPool();
        pool.Step(Depth(35));
        Assert.Equal(4, _launcher.Alive.Count);
        Assert.Equal(ScalingReason.ScaleUp, pool.GetStatus().LastDecision!.Reason);

        _time.Advance(TimeSpan.FromSeconds(30));
        pool.Step(Depth(0));
        Assert.Equal(4, _launcher.Alive.Count);            // idle, but not for the down-cooldown yet

        _time.Advance(TimeSpan.FromSeconds(60));
        pool.Step(Depth(0));
        Assert.Equal("classify-1", Assert.Single(_launcher.Alive).Spec.Name);
        Assert.All(_launcher.Launched.Skip(1), p => Assert.True(p.StopRequested));
        Assert.Equal(0, pool.GetStatus().Crashes);           // requested stops are not crashes
    }

    [Fact]
    public void Restarts_a_crashed_worker_after_exponential_backoff_up_to_the_cap()
    {
        var pool = NewPool();
        pool.Step(Depth(0));
        var restartTimes = new List<TimeSpan>();
        var start = _time.GetUtcNow();

        for (var crash = 1; crash <= 6; crash++)
        {
            _launcher.Alive.Single().Crash();
            var due = pool.Step(null);
            Assert.NotNull(due);
            Assert.Empty(_launcher.Alive);
            Assert.Equal(1, pool.GetStatus().PendingRestarts);

            // Not before it is due...
            _time.Advance(due.Value - _time.GetUtcNow() - TimeSpan.FromMilliseconds(1));
            pool.Step(null);
            Assert.Empty(_launcher.Alive);

            // ...and at once when it is.
            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Null(pool.Step(null));
            Assert.Single(_launcher.Alive);
            restartTimes.Add(_time.GetUtcNow() - start);
            start = _time.GetUtcNow();
        }

        Assert.Equal([1, 2, 4, 8, 8, 8], restartTimes.Select(t => t.TotalSeconds).ToArray());
        var status = pool.GetStatus();
        Assert.Equal(6, status.Crashes);
        Assert.Equal(7, status.Launches);
        Assert.Equal("classify-1", _launcher.Launched[^1].Spec.Name);   // the slot keeps its name
        Assert.Contains(_logger.Lines, l => l.Contains("exited with code 137", StringComparison.Ordinal));
    }

    [Fact]
    public void A_worker_that_ran_long_enough_restarts_from_the_initial_delay()
    {
        var pool = NewPool();
        pool.Step(Depth(0));
        _launcher.Alive.Single().Crash();
        var due = pool.Step(null)!.Value;
        _time.Advance(due - _time.GetUtcNow());
        pool.Step(null);                                     // restarted after 1 s (crash 1)
        _launcher.Alive.Single().Crash();
        due = pool.Step(null)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(2), due - _time.GetUtcNow());
        _time.Advance(due - _time.GetUtcNow());
        pool.Step(null);                                     // restarted after 2 s (crash 2)

        _time.Advance(TimeSpan.FromSeconds(31));             // ran past ResetAfter
        _launcher.Alive.Single().Crash();
        due = pool.Step(null)!.Value;
        Assert.Equal(TimeSpan.FromSeconds(1), due - _time.GetUtcNow());
    }

    [Fact]
    public void Failed_launches_are_retried_with_backoff()
    {
        _launcher.FailLaunches = true;
        var pool = NewPool();
        var due = pool.Step(Depth(0));
        Assert.NotNull(due);
        Assert.Equal(TimeSpan.FromSeconds(1), due.Value - _time.GetUtcNow());
        Assert.Equal(1, pool.GetStatus().Crashes);
        Assert.Contains(_logger.Lines, l => l.StartsWith("Error: Could not start worker classify-1", StringComparison.Ordinal));

        _time.Advance(TimeSpan.FromSeconds(1));
        due = pool.Step(null);
        Assert.Equal(TimeSpan.FromSeconds(2), due!.Value - _time.GetUtcNow());   // second failure in a row

        _launcher.FailLaunches = false;
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(pool.Step(null));
        Assert.Single(_launcher.Alive);
    }

    [Fact]
    public void Scale_down_drops_pending_restarts_before_running_workers()
    {
        var pool = NewPool();
        pool.Step(Depth(20));                                // 2 workers
        Assert.Equal(2, _launcher.Alive.Count);
        _launcher.Alive[1].Crash();
        Assert.NotNull(pool.Step(null));                     // one waiting for restart

        // The restart falls due meanwhile, but the same step scales down first and drops it.
        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(pool.Step(Depth(0)));
        var status = pool.GetStatus();
        Assert.Equal((1, 0), (status.Running, status.PendingRestarts));
        Assert.False(_launcher.Alive[0].StopRequested);
    }

    [Fact]
    public void Exits_signal_the_supervisor_loop()
    {
        var pool = NewPool();
        pool.Step(Depth(0));
        _launcher.Alive.Single().Crash();
        Assert.True(SpinWait.SpinUntil(() => Volatile.Read(ref _exitSignals) == 1, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task StopAllAsync_stops_every_worker_and_cancels_restarts()
    {
        var pool = NewPool(Classify(min: 3));
        pool.Step(Depth(0));
        _launcher.Alive[0].Crash();
        pool.Step(null);

        await pool.StopAllAsync();

        var status = pool.GetStatus();
        Assert.Equal((0, 0, 0), (status.Running, status.PendingRestarts, status.Stopping));
        Assert.Empty(_launcher.Alive);
        Assert.Equal(2, _launcher.Launched.Count(p => p.StopRequested));
    }
}

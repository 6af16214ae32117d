using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.Fleet.Tests.Fakes;

namespace HeteroAgents.Fleet.Tests.Supervision;

/// <summary>Real child processes (<c>/bin/sh</c>): crash-restart with backoff, SIGTERM then kill.</summary>
public sealed class ProcessWorkerLauncherTests
{
    private readonly RecordingLogger<ProcessWorkerLauncher> _launcherLog = new();
    private readonly ProcessWorkerLauncher _launcher;

    public ProcessWorkerLauncherTests() => _launcher = new ProcessWorkerLauncher(TimeProvider.System, _launcherLog);

    private static WorkerLaunchSpec Shell(string script, IReadOnlyDictionary<string, string>? env = null) =>
        new("classify-1", TaskType.Classify, "/bin/sh", ["-c", script], env ?? new Dictionary<string, string>());

    [Fact]
    public async Task Passes_arguments_and_environment_and_forwards_output()
    {
        var process = _launcher.Launch(Shell("echo \"model=$HETERO__SLM__MODEL\"; exit 3", new Dictionary<string, string> { ["HETERO__SLM__MODEL"] = "tiny" }));
        Assert.Equal(3, await process.Exited.WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.True(process.Id > 0);
        await Until(() => _launcherLog.Lines.Contains("Information: [classify-1] model=tiny"), "output forwarded");
    }

    [Fact]
    public async Task StopAsync_sends_sigterm_and_the_worker_exits_by_itself()
    {
        var process = _launcher.Launch(Shell("trap 'exit 0' TERM; echo ready; while true; do sleep 0.05; done"));
        await Until(() => _launcherLog.Lines.Contains("Information: [classify-1] ready"), "trap installed");
        await process.StopAsync(TimeSpan.FromSeconds(20), CancellationToken.None);
        Assert.Equal(0, await process.Exited);   // the trap ran: it was not killed
    }

    [Fact]
    public async Task StopAsync_kills_a_worker_that_ignores_sigterm_after_the_grace_period()
    {
        var process = _launcher.Launch(Shell("trap '' TERM; echo ready; while true; do sleep 0.05; done"));
        await Until(() => _launcherLog.Lines.Contains("Information: [classify-1] ready"), "trap installed");
        await process.StopAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(137, await process.Exited);   // 128 + SIGKILL
    }

    [Fact]
    public void Launching_a_missing_command_throws()
    {
        var spec = new WorkerLaunchSpec("x-1", TaskType.Extract, "/nonexistent/hetero-worker", [], new Dictionary<string, string>());
        Assert.ThrowsAny<Exception>(() => _launcher.Launch(spec));
    }

    [Fact]
    public async Task Supervisor_restarts_a_crashing_real_process_with_growing_delays_and_stops_in_bounded_time()
    {
        var recording = new RecordingLauncher(_launcher);
        var queues = new ScriptedQueueStatsSource();
        var supervisor = new WorkerSupervisor(recording, queues, TimeProvider.System, new RecordingLogger<WorkerSupervisor>());
        var config = new FleetConfig
        {
            PollInterval = TimeSpan.FromMilliseconds(100),
            ShutdownTimeout = TimeSpan.FromSeconds(5),
            RestartBackoff = new RestartBackoff { Initial = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromMilliseconds(400), Multiplier = 2 },
            Workers =
            [
                new WorkerPoolConfig
                {
                    TaskType = TaskType.Classify,
                    Queue = "hetero-classify",
                    Min = 1,
                    Max = 1,
                    Command = "/bin/sh",
                    Args = ["-c", "exit 7"],
                },
            ],
        };
        using var cts = new CancellationTokenSource();
        var run = supervisor.RunAsync(config, cts.Token);

        await Until(() => recording.LaunchTimes.Count >= 5, "five launches of the crashing worker");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        var times = recording.LaunchTimes.ToArray();
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
        // Each restart waits at least its backoff delay: 100, 200, 400, 400 ms (the cap).
        var expected = new[] { 100, 200, 400, 400 };
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(gaps[i] >= TimeSpan.FromMilliseconds(expected[i] - 15), $"restart {i + 1} came after {gaps[i].TotalMilliseconds} ms, before its {expected[i]} ms backoff");
        }

        Assert.True(supervisor.GetStatus()[0].Crashes >= 4);
        Assert.Equal(0, supervisor.GetStatus()[0].Running);
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(10);
        }
    }

    /// <summary>Wraps the real launcher and notes when each launch happened.</summary>
    private sealed class RecordingLauncher(IWorkerLauncher inner) : IWorkerLauncher
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _times = new();

        public IReadOnlyCollection<DateTimeOffset> LaunchTimes => _times;

        public IWorkerProcess Launch(WorkerLaunchSpec spec)
        {
            _times.Enqueue(TimeProvider.System.GetUtcNow());
            return inner.Launch(spec);
        }
    }
}

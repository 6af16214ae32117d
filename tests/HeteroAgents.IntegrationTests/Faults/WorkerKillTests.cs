using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;
using HeteroAgents.Fleet.Supervision;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Testing.OpenAi;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): kill -9 a worker process every 2 s during a 5,000-task batch while the fleet supervisor
/// (<see cref="WorkerSupervisor"/>, what <c>hetero fleet up</c> runs) restarts it. Every task must end with exactly one
/// output line and none may fail: messages a killed worker held unacknowledged go back to the queue and are processed
/// again by its replacement; the store keeps the first outcome per task.
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class WorkerKillTests : FaultTest
{
    private const int TaskCount = 5_000;
    private const int MinProgressBetweenKills = 25;
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(2);
    public WorkerKillTests(FaultServices services, ITestOutputHelper output)
        : base(services, output)
    {
    }

    [Fact]
    public async Task Kill_9_every_two_seconds_under_the_supervisor_loses_and_duplicates_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var broker = await Services.EnsureRunningAsync("kill", timeout.Token);
        var keyPrefix = $"fault-kill:{Guid.NewGuid():N}:";
        // 40 ms per model call and 4 at a time per worker cap the fleet at 400 tasks/s, so even on an idle machine the
        // batch lasts long enough (over 12 s) for several kills.
        await using var slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(40) });
        var environment = FaultBatch.WorkerEnvironment(broker, slm.BaseAddress, concurrency: 4);
        var fleet = new FleetConfig
        {
            PollInterval = TimeSpan.FromMilliseconds(500),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
            RestartBackoff = new RestartBackoff { Initial = TimeSpan.FromMilliseconds(100), Max = TimeSpan.FromSeconds(1), ResetAfter = TimeSpan.FromSeconds(5) },
            Workers = [.. TaskTypes.All.Select(type => new WorkerPoolConfig
            {
                TaskType = type,
                Queue = type.QueueName(),
                Min = 1,
                Max = 1,
                Command = "dotnet",
                Args = [WorkerProcesses.WorkerDll(), "--task", type.ToWireName()],
                Environment = environment,
            })],
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var queues = new RabbitMqManagementClient(http, Services.Rabbit.Options(broker.VirtualHost), TimeProvider.System);
        var log = new FleetLog();
        var supervisor = new WorkerSupervisor(new ProcessWorkerLauncher(TimeProvider.System, log), queues, TimeProvider.System, log);
        using var stopFleet = new CancellationTokenSource();
        var supervising = supervisor.RunAsync(fleet, stopFleet.Token);

        var input = await SupportTicketBatch.WriteAsync(Folder, TaskCount);
        var output = Path.Combine(Folder, "out.jsonl");
        await using var probe = await BatchProgressProbe.StartAsync(Services.Redis.Configuration, keyPrefix);
        var batch = FaultBatch.RunAsync(input, output, broker, Services.Redis.Configuration, keyPrefix, maxOutstanding: TaskCount, timeout.Token);

        var kills = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await probe.WaitForDoneAsync(1, batch, timeout.Token);
            await KillWorkersAsync(supervisor, log, queues, batch, probe, () => $"{slm.RequestCount} model calls", kills, stopwatch, timeout.Token);

            // The last kill can land just before the batch ends: let the supervisor see that process exit before the
            // fleet is stopped (an exit during the stop counts as a stop, not a crash).
            var noticing = Stopwatch.StartNew();
            while (supervisor.GetStatus().Sum(p => p.Crashes) < kills.Count && noticing.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(100, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            Output.WriteLine($"timed out at {probe.Done} done; kills:\n{string.Join('\n', kills)}\nsupervisor:\n{log.Tail}");
            throw;
        }
        finally
        {
            await stopFleet.CancelAsync();
            await supervising.WaitAsync(TimeSpan.FromSeconds(60));
        }

        var (exit, stderr) = await batch;
        var check = FaultBatch.Check(input, output);
        var crashes = supervisor.GetStatus().Sum(p => p.Crashes);
        var launches = supervisor.GetStatus().Sum(p => p.Launches);
        Output.WriteLine($"worker kill -9: {kills.Count} kills in {stopwatch.Elapsed.TotalSeconds:0.0} s, supervisor saw {crashes} crashes and made {launches} launches; " +
                          $"model calls {slm.RequestCount} for {TaskCount} tasks ({slm.RequestCount - TaskCount} re-processed after a kill)");
        Output.WriteLine(check.ToString());
        Output.WriteLine(string.Join('\n', kills));
        Output.WriteLine(stderr);

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\nsupervisor:\n{log.Tail}");
        check.AssertEveryTaskAnsweredOnce(TaskCount);
        Assert.Equal(TaskCount, check.Lines);
        Assert.True(kills.Count >= 3, $"only {kills.Count} kills happened during the batch: the fault was hardly injected");
        Assert.True(crashes >= kills.Count, $"the supervisor noticed {crashes} crashes for {kills.Count} kills");
    }

    /// <summary>
    /// Every <see cref="KillEvery"/>, kills (SIGKILL) the next pool's worker, round robin, choosing only a worker that has
    /// been consuming for a moment and whose queue shows messages in flight, so every kill loses work that must be redelivered.
    /// The next kill also waits until the batch has moved on since the last one, so a slow machine (workers taking long to
    /// start) still makes progress; on an idle machine that takes well under the 2 s.
    /// </summary>
    private static async Task KillWorkersAsync(WorkerSupervisor supervisor, FleetLog log, RabbitMqManagementClient queues, Task batch, BatchProgressProbe probe,
        Func<string> describe, List<string> kills, Stopwatch stopwatch, CancellationToken cancellationToken)
    {
        var lastKill = TimeSpan.Zero;
        var doneAtLastKill = 0L;
        var next = 0;
        while (!batch.IsCompleted)
        {
            await Task.WhenAny(batch, Task.Delay(200, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            var pools = supervisor.GetStatus();
            if (batch.IsCompleted || stopwatch.Elapsed - lastKill < KillEvery || probe.Done < doneAtLastKill + MinProgressBetweenKills)
            {
                continue;
            }

            for (var tried = 0; tried < pools.Count; tried++)
            {
                var index = (next + tried) % pools.Count;
                var pool = pools[index];
                if (pool.ProcessIds.Count == 0 || log.ReadySince(pool.ProcessIds[0]) is not { } ready || DateTime.UtcNow - ready < TimeSpan.FromSeconds(0.5))
                {
                    continue;
                }

                var stats = await queues.GetQueueAsync(pool.Queue, cancellationToken);
                if (stats.Consumers == 0 || stats.Unacknowledged == 0 || !Kill(pool.ProcessIds[0]))
                {
                    continue;
                }

                kills.Add($"{stopwatch.Elapsed.TotalSeconds:0.0}s {pool.TaskType.ToWireName()} pid {pool.ProcessIds[0]}, {stats.Unacknowledged} unacked, {probe.Done} done, {describe()}");
                lastKill = stopwatch.Elapsed;
                doneAtLastKill = probe.Done;
                next = index + 1;
                break;
            }
        }
    }

    private static bool Kill(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            process.Kill();
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

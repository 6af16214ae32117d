using System.Diagnostics;
using HeteroAgents.IntegrationTests.Support;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): restart Redis mid-batch (SIGTERM, then a new redis-server on the same append-only-file folder).
/// Job state and the results recorded before the restart must survive, the orchestrator must ride out the outage without
/// failing the batch, and every task must end with exactly one output line.
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class RedisRestartTests : FaultTest
{
    private const int TaskCount = 1_000;
    public RedisRestartTests(FaultServices services, ITestOutputHelper output)
        : base(services, output)
    {
    }

    [Fact]
    public async Task Batch_survives_a_redis_restart_with_state_and_results_kept()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var broker = await Services.EnsureRunningAsync("redis", timeout.Token);
        var keyPrefix = $"fault-redis:{Guid.NewGuid():N}:";
        await using var run = await MixedFleetRun.StartAsync(Services, broker, Folder, TaskCount, keyPrefix, timeout.Token);
        var (slm, workers, probe) = (run.Slm, run.Workers, run.Probe);

        await probe.WaitForDoneAsync(TaskCount / 4, run.Batch, timeout.Token);
        var doneAtStop = probe.Done;
        var stopwatch = Stopwatch.StartNew();
        await Services.Redis.StopAsync(timeout.Token);
        var stopped = stopwatch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await Services.Redis.StartAsync(timeout.Token);
        var brokerBack = DateTime.UtcNow;
        var reloaded = await Services.Redis.ReadBatchAsync(keyPrefix);
        var downFor = stopwatch.Elapsed - stopped;

        var (exit, stderr) = await run.Batch;
        workers.EnsureRunning();
        var check = FaultBatch.Check(run.Input, run.Output);
        var firstAfter = probe.FirstProgressAfter(brokerBack);
        var recovery = firstAfter is { } t ? t - brokerBack : (TimeSpan?)null;
        Output.WriteLine($"redis restart: {doneAtStop} of {TaskCount} tasks done at stop, {reloaded} (state, done, output lines) in the reloaded AOF; stop took {stopped.TotalSeconds:0.0} s, " +
                          $"redis down {downFor.TotalSeconds:0.0} s; recovery (redis answering -> first task completed) " +
                          $"{(recovery is { } r ? $"{r.TotalSeconds:0.00} s" : "none seen")}; model calls {slm.RequestCount} for {TaskCount} tasks");
        Output.WriteLine(check.ToString());
        Output.WriteLine(stderr);

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\n{workers.Log}");
        check.AssertEveryTaskAnsweredOnce(TaskCount);
        Assert.Equal(TaskCount, check.Lines);
        Assert.True(doneAtStop < TaskCount, "the broker was stopped only after the batch had finished");
        Assert.NotNull(recovery);
        Assert.NotNull(reloaded);
        Assert.True(reloaded.Value.Done >= doneAtStop, $"the restarted Redis knows {reloaded.Value.Done} done tasks; {doneAtStop} were done before the restart");
        Assert.Equal(reloaded.Value.Done, reloaded.Value.OutputLines);
    }
}

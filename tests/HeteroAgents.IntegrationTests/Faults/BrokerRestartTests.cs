using System.Diagnostics;
using HeteroAgents.IntegrationTests.Support;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): stop and restart the RabbitMQ server mid-batch. The orchestrator (in this process) and the four
/// worker processes must reconnect by themselves — no process is restarted — and every task must end with exactly one
/// output line. Prints the recovery time: broker answering again → first task completed after it.
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class BrokerRestartTests : FaultTest
{
    private const int TaskCount = 1_000;
    public BrokerRestartTests(FaultServices services, ITestOutputHelper output)
        : base(services, output)
    {
    }

    [Fact]
    public async Task Batch_survives_a_broker_restart_with_every_task_answered_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var broker = await Services.EnsureRunningAsync("broker", timeout.Token);
        var keyPrefix = $"fault-broker:{Guid.NewGuid():N}:";
        await using var run = await MixedFleetRun.StartAsync(Services, broker, Folder, TaskCount, keyPrefix, timeout.Token);
        var (slm, workers, probe) = (run.Slm, run.Workers, run.Probe);

        await probe.WaitForDoneAsync(TaskCount / 5, run.Batch, timeout.Token);
        var doneAtStop = probe.Done;
        var stopwatch = Stopwatch.StartNew();
        await Services.Rabbit.StopAsync(timeout.Token);
        var stopped = stopwatch.Elapsed;
        var doneWhileDown = probe.Done;
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await Services.Rabbit.StartAsync(timeout.Token);
        var brokerBack = DateTime.UtcNow;
        var downFor = stopwatch.Elapsed - stopped;

        var (exit, stderr) = await run.Batch;
        workers.EnsureRunning();
        var check = FaultBatch.Check(run.Input, run.Output);
        var firstAfter = probe.FirstProgressAfter(brokerBack);
        var recovery = firstAfter is { } t ? t - brokerBack : (TimeSpan?)null;
        Output.WriteLine($"broker restart: {doneAtStop} of {TaskCount} tasks done at SIGTERM, {doneWhileDown} once it was down; stop took {stopped.TotalSeconds:0.0} s, " +
                          $"broker down {downFor.TotalSeconds:0.0} s; recovery (broker answering -> first task completed) " +
                          $"{(recovery is { } r ? $"{r.TotalSeconds:0.00} s" : "none seen")}; model calls {slm.RequestCount} for {TaskCount} tasks");
        Output.WriteLine(check.ToString());
        Output.WriteLine(stderr);

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\n{workers.Log}");
        check.AssertEveryTaskAnsweredOnce(TaskCount);
        Assert.Equal(TaskCount, check.Lines);
        Assert.True(doneWhileDown < TaskCount, $"the batch finished ({doneWhileDown} done) before the broker was down");
        Assert.NotNull(recovery);
    }
}

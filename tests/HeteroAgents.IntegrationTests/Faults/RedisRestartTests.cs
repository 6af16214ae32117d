using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Testing.OpenAi;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): restart Redis mid-batch (SIGTERM, then a new redis-server on the same append-only-file folder).
/// Job state and the results recorded before the restart must survive, the orchestrator must ride out the outage without
/// failing the batch, and every task must end with exactly one output line.
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class RedisRestartTests : IAsyncLifetime
{
    private const int TaskCount = 1_000;
    private readonly FaultServices _services;
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-fault-").FullName;

    public RedisRestartTests(FaultServices services, ITestOutputHelper output)
    {
        _services = services;
        _output = output;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Batch_survives_a_redis_restart_with_state_and_results_kept()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var broker = await _services.EnsureRunningAsync("redis", timeout.Token);
        var keyPrefix = $"fault-redis:{Guid.NewGuid():N}:";
        await using var slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(20) });
        await using var workers = new WorkerProcesses();
        foreach (var type in TaskTypes.All)
        {
            workers.Start(type, FaultBatch.WorkerEnvironment(broker, slm.BaseAddress));
        }

        var input = await SupportTicketBatch.WriteAsync(_directory, TaskCount);
        var output = Path.Combine(_directory, "out.jsonl");
        await using var probe = await BatchProgressProbe.StartAsync(_services.Redis.Configuration, keyPrefix);
        var batch = FaultBatch.RunAsync(input, output, broker, _services.Redis.Configuration, keyPrefix, maxOutstanding: 200, timeout.Token);

        await probe.WaitForDoneAsync(TaskCount / 4, batch, timeout.Token);
        var doneAtStop = probe.Done;
        var stopwatch = Stopwatch.StartNew();
        await _services.Redis.StopAsync(timeout.Token);
        var stopped = stopwatch.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await _services.Redis.StartAsync(timeout.Token);
        var brokerBack = DateTime.UtcNow;
        var reloaded = await _services.Redis.ReadBatchAsync(keyPrefix);
        var downFor = stopwatch.Elapsed - stopped;

        var (exit, stderr) = await batch;
        workers.EnsureRunning();
        var check = FaultBatch.Check(input, output);
        var firstAfter = probe.FirstProgressAfter(brokerBack);
        var recovery = firstAfter is { } t ? t - brokerBack : (TimeSpan?)null;
        _output.WriteLine($"redis restart: {doneAtStop} of {TaskCount} tasks done at stop, {reloaded} (state, done, output lines) in the reloaded AOF; stop took {stopped.TotalSeconds:0.0} s, " +
                          $"redis down {downFor.TotalSeconds:0.0} s; recovery (redis answering -> first task completed) " +
                          $"{(recovery is { } r ? $"{r.TotalSeconds:0.00} s" : "none seen")}; model calls {slm.RequestCount} for {TaskCount} tasks");
        _output.WriteLine(check.ToString());
        _output.WriteLine(stderr);

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\n{workers.Log}");
        Assert.Equal(TaskCount, check.Tasks);
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.Duplicates);
        Assert.Equal(0, check.Failed);
        Assert.Equal(TaskCount, check.Lines);
        Assert.True(doneAtStop < TaskCount, "the broker was stopped only after the batch had finished");
        Assert.NotNull(recovery);
        Assert.NotNull(reloaded);
        Assert.True(reloaded.Value.Done >= doneAtStop, $"the restarted Redis knows {reloaded.Value.Done} done tasks; {doneAtStop} were done before the restart");
        Assert.Equal(reloaded.Value.Done, reloaded.Value.OutputLines);
    }
}

using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Testing.OpenAi;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): stop and restart the RabbitMQ server mid-batch. The orchestrator (in this process) and the four
/// worker processes must reconnect by themselves — no process is restarted — and every task must end with exactly one
/// output line. Prints the recovery time: broker answering again → first task completed after it.
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private const int TaskCount = 1_000;
    private readonly FaultServices _services;
    private readonly ITestOutputHelper _output;
    private readonly string _directory = Directory.CreateTempSubdirectory("hetero-fault-").FullName;

    public BrokerRestartTests(FaultServices services, ITestOutputHelper output)
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
    public async Task Batch_survives_a_broker_restart_with_every_task_answered_once()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var broker = await _services.EnsureRunningAsync("broker", timeout.Token);
        var keyPrefix = $"fault-broker:{Guid.NewGuid():N}:";
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

        await probe.WaitForDoneAsync(TaskCount / 5, batch, timeout.Token);
        var doneAtStop = probe.Done;
        var stopwatch = Stopwatch.StartNew();
        await _services.Rabbit.StopAsync(timeout.Token);
        var stopped = stopwatch.Elapsed;
        var doneWhileDown = probe.Done;
        await Task.Delay(TimeSpan.FromSeconds(2), timeout.Token);
        await _services.Rabbit.StartAsync(timeout.Token);
        var brokerBack = DateTime.UtcNow;
        var downFor = stopwatch.Elapsed - stopped;

        var (exit, stderr) = await batch;
        workers.EnsureRunning();
        var check = FaultBatch.Check(input, output);
        var firstAfter = probe.FirstProgressAfter(brokerBack);
        var recovery = firstAfter is { } t ? t - brokerBack : (TimeSpan?)null;
        _output.WriteLine($"broker restart: {doneAtStop} of {TaskCount} tasks done at SIGTERM, {doneWhileDown} once it was down; stop took {stopped.TotalSeconds:0.0} s, " +
                          $"broker down {downFor.TotalSeconds:0.0} s; recovery (broker answering -> first task completed) " +
                          $"{(recovery is { } r ? $"{r.TotalSeconds:0.00} s" : "none seen")}; model calls {slm.RequestCount} for {TaskCount} tasks");
        _output.WriteLine(check.ToString());
        _output.WriteLine(stderr);

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\n{workers.Log}");
        Assert.Equal(TaskCount, check.Tasks);
        Assert.Equal(0, check.Lost);
        Assert.Equal(0, check.Duplicates);
        Assert.Equal(0, check.Failed);
        Assert.Equal(TaskCount, check.Lines);
        Assert.True(doneWhileDown < TaskCount, $"the batch finished ({doneWhileDown} done) before the broker was down");
        Assert.NotNull(recovery);
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.IntegrationTests.Support;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Processes;
using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Faults;

/// <summary>
/// Acceptance (issue 6): SIGTERM a worker under load. The worker holds many tasks at once (16 model calls in flight, more
/// prefetched); on SIGTERM it must stop taking messages, finish the tasks it started, hand the prefetched ones back to
/// the queue and exit 0. A replacement worker then finishes the batch: every task gets exactly one output line, and the
/// model sees every task exactly once (nothing that was in flight was abandoned and run again).
/// </summary>
[Collection(FaultServices.Collection)]
public sealed class WorkerSigtermTests : FaultTest
{
    private const int TaskCount = 300;
    private const int Concurrency = 16;
    public WorkerSigtermTests(FaultServices services, ITestOutputHelper output)
        : base(services, output)
    {
    }

    [Fact]
    public async Task Sigterm_under_load_finishes_in_flight_tasks_and_returns_the_rest()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var broker = await Services.EnsureRunningAsync("sigterm", timeout.Token);
        var keyPrefix = $"fault-sigterm:{Guid.NewGuid():N}:";
        await using var slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(300) });
        var environment = FaultBatch.WorkerEnvironment(broker, slm.BaseAddress, Concurrency);
        var input = await ClassifyOnlyAsync(TaskCount);
        var output = Path.Combine(Folder, "out.jsonl");

        await using var first = WorkerProcess.Start(WorkerProcesses.WorkerDll(), ["--task", "classify"], environment);
        await first.WaitForOutputAsync("Application started", TimeSpan.FromMinutes(2), timeout.Token);
        await using var probe = await BatchProgressProbe.StartAsync(Services.Redis.Configuration, keyPrefix);
        var batch = FaultBatch.RunAsync(input, output, broker, Services.Redis.Configuration, keyPrefix, maxOutstanding: 5_000, timeout.Token);

        // Under load: a full window of model calls in flight, and some tasks already done.
        while (slm.InFlightCount < Concurrency || slm.RequestCount < 2 * Concurrency)
        {
            Assert.False(batch.IsCompleted, "the batch ended before the worker was under load");
            await Task.Delay(10, timeout.Token);
        }

        var inFlightAtSigterm = slm.InFlightCount;
        var callsAtSigterm = slm.RequestCount;
        var exitCode = await first.StopAsync(TimeSpan.FromSeconds(30));
        var callsAtExit = slm.RequestCount;
        var inFlightAtExit = slm.InFlightCount;

        await using var second = WorkerProcess.Start(WorkerProcesses.WorkerDll(), ["--task", "classify"], environment);
        var (exit, stderr) = await batch;
        var check = FaultBatch.Check(input, output);
        Output.WriteLine($"sigterm under load: {inFlightAtSigterm} model calls in flight at SIGTERM ({callsAtSigterm} started), " +
                          $"{callsAtExit - callsAtSigterm} started after it, {inFlightAtExit} left in flight at exit; exit code {exitCode?.ToString() ?? "killed"}; " +
                          $"model calls {slm.RequestCount} for {TaskCount} tasks");
        Output.WriteLine(check.ToString());

        Assert.True(exit == 0, $"batch run exited {exit}\n{stderr}\nfirst worker:\n{first.Output}\nsecond worker:\n{second.Output}");
        Assert.Equal(0, exitCode);
        Assert.Equal(0, inFlightAtExit);
        check.AssertEveryTaskAnsweredOnce(TaskCount);
        Assert.Equal(TaskCount, check.Completed);
        Assert.Equal(TaskCount, slm.RequestCount);
    }

    /// <summary>A batch of classify tasks only (every fourth line of the support-ticket batch), all of which complete.</summary>
    private async Task<string> ClassifyOnlyAsync(int count)
    {
        var mixed = await SupportTicketBatch.WriteAsync(Folder, count * 4);
        var path = Path.Combine(Folder, "classify.jsonl");
        await File.WriteAllLinesAsync(path, File.ReadLines(mixed).Where(l => l.Contains("\"task\":\"classify\"", StringComparison.Ordinal)));
        return path;
    }
}

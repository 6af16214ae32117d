using HeteroAgents.Contracts;
using HeteroAgents.Testing.Brokers;
using HeteroAgents.Testing.OpenAi;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// A mixed support-ticket batch running through the fault tests' broker and Redis: the fake SLM, one
/// <c>hetero-worker</c> process per task type, a progress probe on the batch's Redis keys, and <c>hetero batch run</c>
/// (at most 200 tasks submitted ahead of their outcomes, so tasks are still being published while a fault happens).
/// </summary>
internal sealed class MixedFleetRun : IAsyncDisposable
{
    private MixedFleetRun(FakeOpenAiCompatibleServer slm, WorkerProcesses workers, string input, string output, BatchProgressProbe probe, Task<(int Exit, string Stderr)> batch)
    {
        Slm = slm;
        Workers = workers;
        Input = input;
        Output = output;
        Probe = probe;
        Batch = batch;
    }

    /// <summary>The fake model server the workers call.</summary>
    public FakeOpenAiCompatibleServer Slm { get; }

    /// <summary>The four worker processes.</summary>
    public WorkerProcesses Workers { get; }

    /// <summary>The batch's input file.</summary>
    public string Input { get; }

    /// <summary>The batch's output file.</summary>
    public string Output { get; }

    /// <summary>Progress read from Redis while the batch runs.</summary>
    public BatchProgressProbe Probe { get; }

    /// <summary>The running <c>batch run</c>: its exit code and error output.</summary>
    public Task<(int Exit, string Stderr)> Batch { get; }

    /// <summary>Starts the fleet and the batch of <paramref name="taskCount"/> tasks under <paramref name="keyPrefix"/>.</summary>
    public static async Task<MixedFleetRun> StartAsync(
        FaultServices services, RabbitMqTestSettings broker, string folder, int taskCount, string keyPrefix, CancellationToken cancellationToken)
    {
        var slm = FakeOpenAiCompatibleServer.Start(new FakeOpenAiServerOptions { ResponseDelay = TimeSpan.FromMilliseconds(20) });
        var workers = new WorkerProcesses();
        foreach (var type in TaskTypes.All)
        {
            workers.Start(type, FaultBatch.WorkerEnvironment(broker, slm.BaseAddress));
        }

        var input = await SupportTicketBatch.WriteAsync(folder, taskCount);
        var output = Path.Combine(folder, "out.jsonl");
        var probe = await BatchProgressProbe.StartAsync(services.Redis.Configuration, keyPrefix);
        var batch = FaultBatch.RunAsync(input, output, broker, services.Redis.Configuration, keyPrefix, maxOutstanding: 200, cancellationToken);
        return new MixedFleetRun(slm, workers, input, output, probe, batch);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await Probe.DisposeAsync();
        await Workers.DisposeAsync();
        await Slm.DisposeAsync();
    }
}

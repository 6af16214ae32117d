using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Fakes;

/// <summary>A worker that exists only in memory: the test crashes it, the supervisor stops it.</summary>
internal sealed class FakeWorkerProcess : IWorkerProcess
{
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FakeWorkerProcess(int id, WorkerLaunchSpec spec)
    {
        Id = id;
        Spec = spec;
    }

    public int Id { get; }

    public WorkerLaunchSpec Spec { get; }

    public Task<int> Exited => _exit.Task;

    /// <summary>True once the supervisor asked it to stop.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Exits on its own, as a crash would.</summary>
    public void Crash(int exitCode = 137) => _exit.TrySetResult(exitCode);

    public Task StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken)
    {
        StopRequested = true;
        _exit.TrySetResult(0);
        return Task.CompletedTask;
    }
}

using HeteroAgents.Fleet.Supervision;

namespace HeteroAgents.Fleet.Tests.Fakes;

/// <summary>Records every launch and hands out <see cref="FakeWorkerProcess"/>es; can be told to fail launches.</summary>
internal sealed class FakeWorkerLauncher : IWorkerLauncher
{
    private readonly object _gate = new();
    private readonly List<FakeWorkerProcess> _launched = [];
    private int _nextId = 1000;

    public bool FailLaunches { get; set; }

    public IReadOnlyList<FakeWorkerProcess> Launched
    {
        get
        {
            lock (_gate)
            {
                return [.. _launched];
            }
        }
    }

    /// <summary>Launched processes that have not exited.</summary>
    public IReadOnlyList<FakeWorkerProcess> Alive => [.. Launched.Where(p => !p.Exited.IsCompleted)];

    public IWorkerProcess Launch(WorkerLaunchSpec spec)
    {
        if (FailLaunches)
        {
            throw new InvalidOperationException($"scripted launch failure for {spec.Name}");
        }

        lock (_gate)
        {
            var process = new FakeWorkerProcess(_nextId++, spec);
            _launched.Add(process);
            return process;
        }
    }
}

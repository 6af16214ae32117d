using System.Collections.Concurrent;
using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Batches;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>Decorates the real task sender: remembers when each task's send started.</summary>
internal sealed class TimingTaskSender(ITaskSender inner) : ITaskSender
{
    public ConcurrentDictionary<Guid, long> SendStarted { get; } = new();

    public Task SendAsync(ITaskMessage task, CancellationToken cancellationToken)
    {
        SendStarted[task.TaskId] = Stopwatch.GetTimestamp();
        return inner.SendAsync(task, cancellationToken);
    }
}

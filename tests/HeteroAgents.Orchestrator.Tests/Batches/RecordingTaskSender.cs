using System.Collections.Concurrent;
using HeteroAgents.Contracts;
using HeteroAgents.Orchestrator.Batches;

namespace HeteroAgents.Orchestrator.Tests.Batches;

/// <summary>A hand-written <see cref="ITaskSender"/> that keeps what it is given (the bus is tested elsewhere, on the real broker).</summary>
internal sealed class RecordingTaskSender : ITaskSender
{
    public ConcurrentQueue<ITaskMessage> Sent { get; } = new();

    public Task SendAsync(ITaskMessage task, CancellationToken cancellationToken)
    {
        Sent.Enqueue(task);
        return Task.CompletedTask;
    }
}

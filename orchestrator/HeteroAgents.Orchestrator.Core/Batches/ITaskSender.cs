using HeteroAgents.Contracts;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>Sends a typed task to the durable queue of its task type.</summary>
public interface ITaskSender
{
    /// <summary>Sends <paramref name="task"/>; completes when the transport accepted it (RabbitMQ: publisher confirm).</summary>
    Task SendAsync(ITaskMessage task, CancellationToken cancellationToken);
}

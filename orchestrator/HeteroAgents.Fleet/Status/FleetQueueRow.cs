using HeteroAgents.Contracts;
using HeteroAgents.Fleet.Management;

namespace HeteroAgents.Fleet.Status;

/// <summary>One line of the fleet view: a task queue and the size of its error queue. Renderer-agnostic.</summary>
/// <param name="TaskType">The task type.</param>
/// <param name="Queue">The task queue's figures.</param>
/// <param name="ErrorQueue">The error queue's figures (<see cref="QueueStats.Exists"/> is false until a first fault).</param>
public sealed record FleetQueueRow(TaskType TaskType, QueueStats Queue, QueueStats ErrorQueue)
{
    /// <summary>Messages in the error queue (ready and unacknowledged).</summary>
    public long ErrorMessages => ErrorQueue.Depth;
}

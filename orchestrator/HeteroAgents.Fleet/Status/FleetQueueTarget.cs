using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Status;

/// <summary>A task queue the fleet view watches, with its MassTransit error queue.</summary>
/// <param name="TaskType">The task type the queue carries.</param>
/// <param name="QueueName">The task queue, e.g. <c>hetero-classify</c>.</param>
/// <param name="ErrorQueueName">Where MassTransit moves faulted messages, e.g. <c>hetero-classify_error</c>.</param>
public sealed record FleetQueueTarget(TaskType TaskType, string QueueName, string ErrorQueueName)
{
    /// <summary>The standard target of a task type: <see cref="TaskTypes.QueueName"/> and <c>&lt;queue&gt;_error</c>.</summary>
    public static FleetQueueTarget For(TaskType type)
    {
        var queue = type.QueueName();
        return new FleetQueueTarget(type, queue, queue + "_error");
    }

    /// <summary>The standard targets of every task type, in <see cref="TaskTypes.All"/> order.</summary>
    public static IReadOnlyList<FleetQueueTarget> Defaults { get; } = [.. TaskTypes.All.Select(For)];
}

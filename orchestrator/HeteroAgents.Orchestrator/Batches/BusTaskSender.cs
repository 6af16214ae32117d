using System.Collections.Concurrent;
using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>
/// Sends tasks with MassTransit to <c>queue:hetero-&lt;type&gt;</c>. Sending to the queue (rather than publishing
/// to the message type's exchange) makes the broker declare the durable queue, so tasks submitted before any
/// worker started wait there instead of being dropped.
/// </summary>
public sealed class BusTaskSender : ITaskSender
{
    private readonly ISendEndpointProvider _endpoints;
    private readonly ConcurrentDictionary<TaskType, Task<ISendEndpoint>> _cache = new();

    /// <summary>Creates the sender over the bus.</summary>
    public BusTaskSender(IBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        _endpoints = bus;
    }

    /// <inheritdoc />
    public async Task SendAsync(ITaskMessage task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var endpoint = await _cache.GetOrAdd(task.Type, t => _endpoints.GetSendEndpoint(new Uri($"queue:{t.QueueName()}")));
        switch (task)
        {
            case ClassifyTask c:
                await endpoint.Send(c, cancellationToken);
                break;
            case ExtractTask e:
                await endpoint.Send(e, cancellationToken);
                break;
            case ToolCallTask t:
                await endpoint.Send(t, cancellationToken);
                break;
            case SummarizeTask s:
                await endpoint.Send(s, cancellationToken);
                break;
            default:
                throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task));
        }
    }
}

using System.Collections.Concurrent;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Orchestrator.Telemetry;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Batches;

/// <summary>
/// Sends tasks with MassTransit to <c>queue:hetero-&lt;type&gt;</c>. Sending to the queue (rather than publishing
/// to the message type's exchange) makes the broker declare the durable queue, so tasks submitted before any
/// worker started wait there instead of being dropped. With quorum queues
/// (<see cref="RabbitMqOptions.UseQuorumQueues"/>) the workers declare the queues and tasks are published to the
/// message type's exchange instead: start the workers before submitting.
/// </summary>
public sealed class BusTaskSender : ITaskSender
{
    private readonly IBus _bus;
    private readonly bool _publish;
    private readonly OrchestratorMetrics? _metrics;
    private readonly ConcurrentDictionary<TaskType, Task<ISendEndpoint>> _cache = new();

    /// <summary>Creates the sender over the bus; <paramref name="metrics"/>, when given, counts the tasks sent.</summary>
    public BusTaskSender(IBus bus, IOptions<MessagingOptions> options, OrchestratorMetrics? metrics = null)
    {
        _metrics = metrics;
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(options);
        _bus = bus;
        _publish = options.Value.Transport == TransportKind.RabbitMq && options.Value.RabbitMq.UseQuorumQueues;
    }

    /// <inheritdoc />
    public async Task SendAsync(ITaskMessage task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var kind = task.Kind;
        if (_publish)
        {
            await _bus.Publish(task, kind.MessageType, cancellationToken);
        }
        else
        {
            var endpoint = await _cache.GetOrAdd(kind.Type, _ => _bus.GetSendEndpoint(new Uri($"queue:{kind.QueueName}")));
            await endpoint.Send(task, kind.MessageType, cancellationToken);
        }

        _metrics?.RecordSubmitted(task.Type);
    }
}

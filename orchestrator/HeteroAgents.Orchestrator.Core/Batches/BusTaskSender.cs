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
    public Task SendAsync(ITaskMessage task, CancellationToken cancellationToken) => task switch
    {
        ClassifyTask c => SendAsync(c, cancellationToken),
        ExtractTask e => SendAsync(e, cancellationToken),
        ToolCallTask t => SendAsync(t, cancellationToken),
        SummarizeTask s => SendAsync(s, cancellationToken),
        null => throw new ArgumentNullException(nameof(task)),
        _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
    };

    private async Task SendAsync<T>(T task, CancellationToken cancellationToken)
        where T : class, ITaskMessage
    {
        if (_publish)
        {
            await _bus.Publish(task, cancellationToken);
        }
        else
        {
            var endpoint = await _cache.GetOrAdd(task.Type, t => _bus.GetSendEndpoint(new Uri($"queue:{t.QueueName()}")));
            await endpoint.Send(task, cancellationToken);
        }

        _metrics?.RecordSubmitted(task.Type);
    }
}

using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Worker.Options;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Consumers;

/// <summary>
/// Endpoint policy of a task consumer: the queue is the task type's kebab-case queue name (e.g. <c>hetero-tool-call</c>);
/// prefetch, concurrency and retry limit come from <see cref="MessagingOptions"/>; on RabbitMQ the queue is a quorum queue
/// when <see cref="RabbitMqOptions.UseQuorumQueues"/> is set. Failed deliveries are retried at an interval
/// (<see cref="WorkerOptions.BackendRetryIntervalMs"/>) — the consumer only throws for transient backend failures, so that is
/// what gets retried — and a message that still fails (e.g. one that cannot be deserialized, or whose outcome cannot be
/// published) goes to MassTransit's error queue, <c>&lt;queue&gt;_error</c>, with the exception in its headers.
/// </summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public sealed class TaskConsumerDefinition<TTask> : ConsumerDefinition<TaskConsumer<TTask>>
    where TTask : class, ITaskMessage
{
    private readonly MessagingOptions _messaging;

    /// <summary>Creates the definition from the messaging options; the queue is the <paramref name="kinds"/>' kind of <typeparamref name="TTask"/>.</summary>
    public TaskConsumerDefinition(IOptions<MessagingOptions> messaging, TaskKindRegistry kinds)
    {
        ArgumentNullException.ThrowIfNull(messaging);
        ArgumentNullException.ThrowIfNull(kinds);
        _messaging = messaging.Value;
        EndpointName = (kinds.Find(typeof(TTask)) ?? throw new InvalidOperationException(
            $"{typeof(TTask).Name} is not the message of a registered task kind ({kinds.Names}); pass the registry that has it to AddHeteroTaskConsumers.")).QueueName;
        ConcurrentMessageLimit = _messaging.ConcurrentMessageLimit;
        Endpoint(e => e.PrefetchCount = _messaging.PrefetchCount);
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TaskConsumer<TTask>> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(context);
        endpointConfigurator.PrefetchCount = _messaging.PrefetchCount;
        if (_messaging.Transport == TransportKind.RabbitMq && _messaging.RabbitMq.UseQuorumQueues &&
            endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.SetQuorumQueue();
        }

        // RetryLimit 0 means no retries: MassTransit rejects an interval policy with no intervals.
        if (_messaging.RetryLimit > 0)
        {
            var interval = TimeSpan.FromMilliseconds(context.GetService<IOptions<WorkerOptions>>()?.Value.BackendRetryIntervalMs ?? 500);
            endpointConfigurator.UseMessageRetry(r => r.Interval(_messaging.RetryLimit, interval));
        }
    }
}

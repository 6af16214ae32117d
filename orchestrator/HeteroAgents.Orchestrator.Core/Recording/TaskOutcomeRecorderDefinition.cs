using HeteroAgents.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Orchestrator.Recording;

/// <summary>
/// Endpoint of the <see cref="TaskOutcomeRecorder"/>: the durable queue <c>hetero-results</c>, bound to the
/// TaskCompleted / TaskEscalated / TaskFailed exchanges, so outcomes wait there while no orchestrator runs.
/// Store errors are retried with backoff, then the message moves to <c>hetero-results_error</c>.
/// </summary>
public sealed class TaskOutcomeRecorderDefinition : ConsumerDefinition<TaskOutcomeRecorder>
{
    /// <summary>The queue outcomes are recorded from.</summary>
    public const string QueueName = "hetero-results";

    private readonly MessagingOptions _options;

    /// <summary>Creates the definition from the messaging options.</summary>
    public TaskOutcomeRecorderDefinition(IOptions<MessagingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        EndpointName = QueueName;
        ConcurrentMessageLimit = Math.Max(_options.ConcurrentMessageLimit, 32);
    }

    /// <inheritdoc />
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TaskOutcomeRecorder> consumerConfigurator,
        IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.PrefetchCount = Math.Max(_options.PrefetchCount, 128);
        endpointConfigurator.UseMessageRetry(r => r.Intervals(
            Enumerable.Range(0, _options.RetryLimit).Select(i => TimeSpan.FromMilliseconds(200 * (1 << i))).ToArray()));
    }
}

using System.Diagnostics;
using HeteroAgents.Contracts;
using HeteroAgents.Messaging;
using HeteroAgents.Worker.Backends;
using HeteroAgents.Worker.Pipeline;
using MassTransit;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Consumers;

/// <summary>
/// Consumes one task type. For every task it publishes exactly one of <see cref="TaskCompleted"/>,
/// <see cref="TaskEscalated"/> or <see cref="TaskFailed"/>, and when the task came as a request (request client)
/// also responds with that same message. A completed answer the routing policy picked for audit is published as
/// <see cref="TaskAuditRequested"/> instead of <see cref="TaskCompleted"/> (the orchestrator audits it with the frontier model
/// and records the completed outcome; requests are answered with the completed outcome as usual). A transient backend failure is thrown while the endpoint's retries remain
/// (so the retry policy tries again) and escalates with <c>backend_error</c> on the last attempt.
/// </summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public sealed class TaskConsumer<TTask>(TaskProcessor<TTask> processor, IOptions<MessagingOptions> messaging, WorkerMetrics metrics)
    : IConsumer<TTask>
    where TTask : class, ITaskMessage
{
    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TTask> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var finalAttempt = context.GetRetryAttempt() >= messaging.Value.RetryLimit;
        var outcome = await processor.ProcessAsync(context.Message, finalAttempt, context.CancellationToken).ConfigureAwait(false);
        metrics.RecordOutcome(outcome, outcome switch
        {
            TaskCompleted c => c.LatencyMs,
            TaskEscalated e => e.LatencyMs,
            _ => 0,
        });

        // MassTransit's consume span: name the task so a trace shows what was served and how it ended.
        Activity.Current?.SetTag("hetero.task.type", outcome.TaskType.ToWireName())
            .SetTag("hetero.task.id", context.Message.TaskId.ToString())
            .SetTag("hetero.task.outcome", outcome switch
            {
                TaskCompleted => "completed",
                TaskEscalated => "escalated",
                _ => "failed",
            });

        var isRequest = context.RequestId.HasValue && context.ResponseAddress is not null;
        switch (outcome)
        {
            case TaskCompleted { Routing.Audit: true } audited:
                await context.Publish(TaskOutcomeBuilder.AuditOf(context.Message, audited), context.CancellationToken).ConfigureAwait(false);
                if (isRequest)
                {
                    await context.RespondAsync(audited).ConfigureAwait(false);
                }

                break;
            case TaskCompleted completed:
                await context.Publish(completed, context.CancellationToken).ConfigureAwait(false);
                if (isRequest)
                {
                    await context.RespondAsync(completed).ConfigureAwait(false);
                }

                break;
            case TaskEscalated escalated:
                await context.Publish(escalated, context.CancellationToken).ConfigureAwait(false);
                if (isRequest)
                {
                    await context.RespondAsync(escalated).ConfigureAwait(false);
                }

                break;
            case TaskFailed failed:
                await context.Publish(failed, context.CancellationToken).ConfigureAwait(false);
                if (isRequest)
                {
                    await context.RespondAsync(failed).ConfigureAwait(false);
                }

                break;
            default:
                throw new InvalidOperationException($"Unknown outcome type {outcome.GetType().Name}.");
        }
    }
}

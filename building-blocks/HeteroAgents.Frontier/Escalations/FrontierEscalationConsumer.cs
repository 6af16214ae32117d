using HeteroAgents.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Frontier;

/// <summary>
/// Resolves batch jobs' <see cref="TaskEscalated"/> events with the frontier model and publishes the outcome:
/// <see cref="TaskCompleted"/> served by <c>frontier:&lt;model&gt;</c>, or <see cref="TaskFailed"/> with code
/// <c>frontier_error</c> naming the reason (invalid JSON, invalid result, timeout, refusal, backend error). Both carry
/// the SLM's escalation in their <c>escalation</c> field (contract version 2; version 1 sent it in transport headers).
/// Escalations of plugin sessions (<see cref="PluginSession.IsPluginSession"/>) are left to the plugin, which
/// resolves them inline. Registered only when a frontier model is configured
/// (<see cref="FrontierBusRegistrationExtensions.AddFrontierEscalationConsumer"/>).
/// </summary>
public sealed partial class FrontierEscalationConsumer : IConsumer<TaskEscalated>
{
    private readonly EscalationResolver _resolver;
    private readonly FrontierAvailability _frontier;
    private readonly ILogger<FrontierEscalationConsumer> _logger;
    private readonly TaskKindRegistry _kinds;

    /// <summary>Creates the consumer; escalations are read with the kinds of <paramref name="kinds"/> (default <see cref="TaskKindRegistry.Default"/>).</summary>
    public FrontierEscalationConsumer(EscalationResolver resolver, FrontierAvailability frontier, ILogger<FrontierEscalationConsumer> logger, TaskKindRegistry? kinds = null)
    {
        _kinds = kinds ?? TaskKindRegistry.Default;
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _frontier = frontier ?? throw new ArgumentNullException(nameof(frontier));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TaskEscalated> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var escalated = context.Message;
        if (PluginSession.IsPluginSession(escalated.BatchId))
        {
            return;
        }

        if (!_frontier.IsConfigured)
        {
            LogNoFrontier(escalated.TaskId);
            return; // the escalation stays recorded as such
        }

        ITaskMessage task;
        try
        {
            task = EscalationResolver.ToTask(escalated, _kinds);
        }
        catch (ArgumentException ex)
        {
            await context.Publish(new TaskFailed(escalated.TaskId, escalated.BatchId, escalated.CustomId, escalated.TaskType,
                new TaskError(TaskErrorCodes.InvalidInput, ex.Message, Field: "input")), context.CancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            var resolution = await _resolver.ResolveAsync(task, escalated.Reason, task.WorkloadId, context.CancellationToken).ConfigureAwait(false);
            await context.Publish(new TaskCompleted(escalated.TaskId, escalated.BatchId, escalated.CustomId, escalated.TaskType,
                resolution.Result, resolution.ServedBy, null, resolution.Usage, resolution.LatencyMs)
            {
                Escalation = new EscalationInfo(escalated.Reason, escalated.Detail, Resolved: true),
                Routing = escalated.Routing, // how the SLM answer was routed (policy version, threshold) stays on the line
            }, context.CancellationToken).ConfigureAwait(false);
        }
        catch (FrontierResolutionException ex)
        {
            await context.Publish(new TaskFailed(escalated.TaskId, escalated.BatchId, escalated.CustomId, escalated.TaskType, ex.ToTaskError())
            {
                Escalation = new EscalationInfo(escalated.Reason, escalated.Detail, Resolved: false),
            }, context.CancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated task {TaskId} left unresolved: no frontier model is configured")]
    private partial void LogNoFrontier(Guid taskId);
}

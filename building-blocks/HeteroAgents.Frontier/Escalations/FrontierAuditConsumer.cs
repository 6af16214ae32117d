using HeteroAgents.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace HeteroAgents.Frontier;

/// <summary>
/// Audits batch jobs' completed SLM answers (<see cref="TaskAuditRequested"/>) with the frontier model
/// (<see cref="EscalationResolver.AuditAsync"/>), then publishes the SLM's <see cref="TaskCompleted"/> unchanged: the
/// audit never changes a result. The frontier call is logged by the conversion loop's middleware with the SLM answer next to
/// it, which <c>hetero report</c> turns into the audited agreement per workload and task type. A failed frontier call is
/// logged (the middleware records it as failed) and the outcome published all the same. Audits of plugin sessions are run
/// by the plugin. Registered with <see cref="FrontierEscalationConsumer"/> when a frontier model is configured; without one
/// the outcome recorder records the completed outcome of an audit request directly.
/// </summary>
public sealed partial class FrontierAuditConsumer : IConsumer<TaskAuditRequested>
{
    private readonly EscalationResolver _resolver;
    private readonly ILogger<FrontierAuditConsumer> _logger;

    /// <summary>Creates the consumer.</summary>
    public FrontierAuditConsumer(EscalationResolver resolver, ILogger<FrontierAuditConsumer> logger)
    {
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <inheritdoc />
    public async Task Consume(ConsumeContext<TaskAuditRequested> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var completed = context.Message.Completed;
        if (PluginSession.IsPluginSession(completed.BatchId))
        {
            return;
        }

        try
        {
            var task = EscalationResolver.ToTask(context.Message);
            await _resolver.AuditAsync(task, AuditedAnswer.Of(completed), completed.Routing?.Workload, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or FrontierResolutionException)
        {
            LogAuditFailed(completed.TaskType.ToWireName(), completed.TaskId, ex.Message);
        }

        await context.Publish(completed, context.CancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The frontier audit of {TaskType} task {TaskId} failed (its SLM result stands): {Reason}")]
    private partial void LogAuditFailed(string taskType, Guid taskId, string reason);
}

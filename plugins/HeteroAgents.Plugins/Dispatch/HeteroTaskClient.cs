using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Plugins;

/// <summary>
/// Sends typed sub-tasks to the SLM fleet with MassTransit's request client and returns the validated result. The
/// worker answers with one of <see cref="TaskCompleted"/>, <see cref="TaskEscalated"/> or <see cref="TaskFailed"/>;
/// an escalation is resolved with the frontier model when one is configured, else it surfaces as
/// <see cref="TaskEscalatedException"/>. Input is validated before anything is published. Every escalation is appended to the
/// conversion loop's log when an <see cref="IEscalationLog"/> is registered (<c>services.AddFlywheelCollection()</c> of
/// HeteroAgents.Flywheel.Collect), resolved or not; the frontier call that resolves it is logged by the frontier client's
/// middleware with the same task id.
/// </summary>
public sealed partial class HeteroTaskClient
{
    private readonly IClientFactory _clientFactory;
    private readonly EscalationResolver _resolver;
    private readonly HeteroPluginOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<HeteroTaskClient> _logger;
    private readonly FrontierAvailability _frontier;
    private readonly IEscalationLog? _escalationLog;
    private readonly TaskInputRules _inputRules;

    /// <summary>
    /// Creates the client; <paramref name="frontier"/> says whether escalations can be resolved, and <paramref name="escalationLog"/>,
    /// when given, receives every escalation.
    /// </summary>
    public HeteroTaskClient(
        IClientFactory clientFactory, EscalationResolver resolver, FrontierAvailability frontier, IOptions<HeteroPluginOptions> options, TimeProvider timeProvider,
        ILogger<HeteroTaskClient> logger, IEscalationLog? escalationLog = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _clientFactory = clientFactory ?? throw new ArgumentNullException(nameof(clientFactory));
        _resolver = resolver ?? throw new ArgumentNullException(nameof(resolver));
        _frontier = frontier ?? throw new ArgumentNullException(nameof(frontier));
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _escalationLog = escalationLog;
        _inputRules = new TaskInputRules(
            new TaskInputLimits { MaxTextChars = _options.MaxTextChars, MaxTextCharsSetting = HeteroPluginOptions.SectionName + ":" + nameof(HeteroPluginOptions.MaxTextChars) },
            JsonSchemaCache.Shared);
    }

    /// <summary>Whether escalations are resolved with a frontier model.</summary>
    public bool ResolvesEscalations => _options.ResolveEscalations && _frontier.IsConfigured;

    /// <summary>Validates <paramref name="task"/>, sends it to its worker queue and waits for the validated result.</summary>
    /// <exception cref="ArgumentException">The input is invalid (nothing was published).</exception>
    /// <exception cref="TimeoutException">No worker answered within <see cref="HeteroPluginOptions.RequestTimeout"/>.</exception>
    /// <exception cref="TaskEscalatedException">The SLM escalated and no frontier model resolves escalations.</exception>
    /// <exception cref="FrontierResolutionException">The frontier model failed to resolve the escalation.</exception>
    /// <exception cref="TaskFailedException">The worker rejected the task.</exception>
    public async Task<HeteroTaskResult> SendAsync<TTask>(TTask task, CancellationToken cancellationToken = default)
        where TTask : class, ITaskMessage
    {
        TaskArgumentChecks.ThrowIfInvalid(task, _inputRules);
        TaskInputSizeLimits.Check(task, _options);

        var record = HeteroCallRecord.Current;
        if (record is not null)
        {
            record.TaskId = task.TaskId;
        }

        var started = _timeProvider.GetTimestamp();
        var client = _clientFactory.CreateRequestClient<TTask>(RequestTimeout.After(ms: (int)_options.RequestTimeout.TotalMilliseconds));
        Response<TaskCompleted, TaskEscalated, TaskFailed> response;
        try
        {
            response = await client.GetResponse<TaskCompleted, TaskEscalated, TaskFailed>(task, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestTimeoutException ex)
        {
            throw new TimeoutException(
                $"No worker answered the {task.Type.ToWireName()} task {task.CustomId} within {_options.RequestTimeout.TotalSeconds:0.###} s (Hetero:Plugins:RequestTimeout). Is a worker serving queue {task.Type.QueueName()} running?",
                ex);
        }

        switch (response.Message)
        {
            case TaskCompleted completed:
                var validation = TaskResultValidator.Default.Validate(task, completed.Result);
                if (validation.IsValid)
                {
                    Record(record, completed.ServedBy, null, completed.Usage, null);
                    if (completed.Routing?.Audit == true && _frontier.IsConfigured)
                    {
                        await AuditAsync(task, completed, cancellationToken).ConfigureAwait(false);
                    }

                    return new HeteroTaskResult(task.TaskId, task.Type, completed.Result, completed.ServedBy, completed.Confidence,
                        completed.Usage, null, Elapsed(started), null);
                }

                // A worker's answer that does not validate is treated as the worker should have treated it.
                var invalid = new TaskEscalated(completed.TaskId, completed.BatchId, completed.CustomId, completed.TaskType,
                    EscalationReason.SchemaInvalid, "the worker's result did not validate: " + string.Join("; ", validation.Describe()),
                    default, completed.Result.GetRawText(), completed.ServedBy, completed.Confidence, completed.Usage, completed.LatencyMs);
                return await ResolveAsync(task, invalid, started, record, cancellationToken).ConfigureAwait(false);

            case TaskEscalated escalated:
                return await ResolveAsync(task, escalated, started, record, cancellationToken).ConfigureAwait(false);

            case TaskFailed failed:
                throw new TaskFailedException(failed);

            default:
                throw new InvalidOperationException($"Unexpected response {response.Message?.GetType().Name} to task {task.TaskId}.");
        }
    }

    // The routing policy picked this completed answer for audit: the frontier answers it too, the SLM's result stands, and
    // the logged frontier call keeps both answers for the conversion loop (hetero report shows their agreement).
    private async Task AuditAsync(ITaskMessage task, TaskCompleted completed, CancellationToken cancellationToken)
    {
        try
        {
            await _resolver.AuditAsync(task, AuditedAnswer.Of(completed), _options.WorkloadId, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (FrontierResolutionException ex)
        {
            LogAuditFailed(task.Type.ToWireName(), task.TaskId, ex.Message);
        }
    }

    private async Task<HeteroTaskResult> ResolveAsync(ITaskMessage task, TaskEscalated escalated, long started, HeteroCallRecord? record, CancellationToken cancellationToken)
    {
        LogEscalated(task.Type.ToWireName(), task.TaskId, escalated.ServedBy, escalated.Reason.ToWireName(), escalated.Detail);
        var info = new EscalationInfo(escalated.Reason, escalated.Detail, Resolved: false);
        Record(record, escalated.ServedBy, info, escalated.Usage, null);
        if (_escalationLog is not null)
        {
            await _escalationLog.AppendEscalationAsync(escalated, task, _options.WorkloadId, cancellationToken).ConfigureAwait(false);
        }

        if (!ResolvesEscalations)
        {
            throw new TaskEscalatedException(escalated);
        }

        var resolution = await _resolver.ResolveAsync(task, escalated.Reason, _options.WorkloadId, cancellationToken).ConfigureAwait(false);
        info = info with { Resolved = true };
        Record(record, resolution.ServedBy, info, escalated.Usage, resolution.Usage);
        return new HeteroTaskResult(task.TaskId, task.Type, resolution.Result, resolution.ServedBy, null,
            escalated.Usage, resolution.Usage, Elapsed(started), info);
    }

    private static void Record(HeteroCallRecord? record, string servedBy, EscalationInfo? escalation, TaskUsage slmUsage, TaskUsage? frontierUsage)
    {
        if (record is null)
        {
            return;
        }

        record.ServedBy = servedBy;
        record.Escalation = escalation;
        record.SlmUsage = slmUsage;
        record.FrontierUsage = frontierUsage;
    }

    private long Elapsed(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    [LoggerMessage(Level = LogLevel.Information, Message = "{TaskType} task {TaskId} escalated by {ServedBy}: {Reason}: {Detail}")]
    private partial void LogEscalated(string taskType, Guid taskId, string servedBy, string reason, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The frontier audit of {TaskType} task {TaskId} failed: {Reason}")]
    private partial void LogAuditFailed(string taskType, Guid taskId, string reason);
}

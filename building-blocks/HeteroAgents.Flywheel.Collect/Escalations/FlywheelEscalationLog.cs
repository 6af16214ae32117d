using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Appends SLM escalations to the flywheel log (conversion-loop step S1) as records with status
/// <see cref="FrontierCallStatus.Escalated"/>, whether or not a frontier model then resolves them; a resolving frontier call is
/// logged separately by <see cref="FrontierCallLoggingChatClient"/> with the same <c>task_id</c>. Honours the opt-out
/// (<see cref="FlywheelLoggingOptions.Enabled"/>: nothing is written and the log is never opened) and
/// <see cref="FlywheelLoggingOptions.FailCallOnLogError"/>. Registered, also as the <see cref="IEscalationLog"/> the plugins and
/// the batch outcome recorder append to, by <see cref="FlywheelCollectionServiceCollectionExtensions.AddFlywheelCollection"/>.
/// </summary>
public sealed partial class FlywheelEscalationLog : IEscalationLog
{
    private readonly Lazy<IFrontierCallLog>? _log;
    private readonly FlywheelLoggingOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the writer over <paramref name="log"/>.</summary>
    public FlywheelEscalationLog(IFrontierCallLog log, FlywheelLoggingOptions? options = null, TimeProvider? timeProvider = null, ILogger<FlywheelEscalationLog>? logger = null)
        : this(new Lazy<IFrontierCallLog>(log ?? throw new ArgumentNullException(nameof(log))), options ?? new FlywheelLoggingOptions(), timeProvider, logger)
    {
    }

    /// <summary>Creates the writer over the registered <see cref="IFrontierCallLog"/>, resolved on the first write.</summary>
    public FlywheelEscalationLog(IServiceProvider services, IOptions<FlywheelLoggingOptions> options, TimeProvider? timeProvider = null, ILogger<FlywheelEscalationLog>? logger = null)
        : this(new Lazy<IFrontierCallLog>(() => (services ?? throw new ArgumentNullException(nameof(services))).GetRequiredService<IFrontierCallLog>()),
            (options ?? throw new ArgumentNullException(nameof(options))).Value, timeProvider, logger)
    {
    }

    private FlywheelEscalationLog(Lazy<IFrontierCallLog> log, FlywheelLoggingOptions options, TimeProvider? timeProvider, ILogger? logger)
    {
        _options = options;
        _log = options.Enabled ? log : null;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Whether escalations are written (the opt-out is <see cref="FlywheelLoggingOptions.Enabled"/>).</summary>
    public bool Enabled => _log is not null;

    /// <summary>
    /// Builds the escalation record for <paramref name="escalated"/>: task type, reason and detail, the SLM's raw output and
    /// confidence, the task input, workload and batch, task id, the prompt a frontier model would get and the result schema
    /// with its fingerprint, the SLM's latency and tokens, stamped <paramref name="at"/>.
    /// </summary>
    public static FrontierCallRecord CreateRecord(
        TaskEscalated escalated, IEnumerable<ChatMessage>? prompt, JsonElement? resultSchema, string? workloadId, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        return new FrontierCallRecord(
            Id: Guid.CreateVersion7(at).ToString("D", CultureInfo.InvariantCulture),
            Timestamp: at,
            TaskType: escalated.TaskType.ToWireName(),
            WorkloadId: workloadId,
            BatchId: escalated.BatchId,
            Model: null,
            Messages: [.. (prompt ?? []).Select(FrontierCallRecordFactory.ToLogged)],
            ResponseSchema: resultSchema,
            Output: null,
            Status: FrontierCallStatus.Escalated,
            Error: null,
            EscalationReason: escalated.Reason,
            LatencyMs: escalated.LatencyMs,
            InputTokens: escalated.Usage.InputTokens,
            OutputTokens: escalated.Usage.OutputTokens,
            CostUsd: null,
            TraceId: System.Diagnostics.Activity.Current?.TraceId.ToHexString(),
            Streaming: false,
            TaskId: escalated.TaskId.ToString("D", CultureInfo.InvariantCulture),
            SchemaFingerprint: CanonicalJson.Fingerprint(resultSchema),
            Input: escalated.Input.ValueKind == JsonValueKind.Undefined ? null : escalated.Input.Clone(),
            SlmOutput: escalated.RawOutput,
            ServedBy: escalated.ServedBy,
            EscalationDetail: escalated.Detail,
            Confidence: escalated.Confidence);
    }

    /// <summary>
    /// Appends <paramref name="escalated"/> (see <see cref="CreateRecord"/>) stamped now. A write failure is logged and
    /// swallowed unless <see cref="FlywheelLoggingOptions.FailCallOnLogError"/> is set. Returns the record written, or null
    /// when logging is off or the write failed.
    /// </summary>
    public async ValueTask<FrontierCallRecord?> AppendAsync(
        TaskEscalated escalated, IEnumerable<ChatMessage>? prompt, JsonElement? resultSchema, string? workloadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        if (_log is null)
        {
            return null;
        }

        var record = CreateRecord(escalated, prompt, resultSchema, workloadId, _time.GetUtcNow());
        try
        {
            await _log.Value.AppendAsync(record, cancellationToken).ConfigureAwait(false);
            return record;
        }
        catch (Exception ex) when (!_options.FailCallOnLogError && ex is not OperationCanceledException)
        {
            LogWriteFailed(_logger, ex, escalated.TaskId);
            return null;
        }
    }

    /// <summary>
    /// Appends <paramref name="escalated"/> (see <see cref="AppendAsync"/>) with the frontier prompt
    /// (<see cref="EscalationResolver.FrontierPrompt"/>) and result schema of <paramref name="task"/>, or of the task rebuilt
    /// from the event's input when <paramref name="task"/> is null. An event whose input does not have its task type's shape
    /// is still logged, without prompt and schema. Returns the record written, or null when logging is off.
    /// </summary>
    public ValueTask<FrontierCallRecord?> AppendEscalationAsync(
        TaskEscalated escalated, ITaskMessage? task = null, string? workloadId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        if (_log is null)
        {
            return ValueTask.FromResult<FrontierCallRecord?>(null);
        }

        IReadOnlyList<ChatMessage>? prompt = null;
        JsonElement? schema = null;
        try
        {
            task ??= EscalationResolver.ToTask(escalated);
            prompt = EscalationResolver.FrontierPrompt(task);
            schema = JsonSerializer.SerializeToElement(ResultSchemas.For(task));
        }
        catch (ArgumentException)
        {
            // The input is malformed; the record keeps the raw input, reason and SLM output.
        }

        return AppendAsync(escalated, prompt, schema, workloadId ?? task?.WorkloadId ?? escalated.Routing?.Workload, cancellationToken);
    }

    /// <inheritdoc />
    async ValueTask IEscalationLog.AppendEscalationAsync(TaskEscalated escalated, ITaskMessage? task, string? workloadId, CancellationToken cancellationToken) =>
        await AppendEscalationAsync(escalated, task, workloadId, cancellationToken).ConfigureAwait(false);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append the escalation of task {TaskId} to the flywheel log.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, Guid taskId);
}

using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Frontier;

/// <summary>
/// Resolves escalated tasks with the frontier model: structured output constrained by the task's own result
/// schema (<see cref="ChatResponseFormat.ForJsonSchema(JsonElement, string?, string?)"/>), parsed and validated again
/// (<see cref="TaskResultValidator.Frontier"/>). Shared by the plugins (inline, for interactive calls) and
/// <see cref="FrontierEscalationConsumer"/> (for batch jobs).
/// </summary>
public sealed partial class EscalationResolver
{
    private readonly IChatClient? _frontier;
    private readonly FrontierOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<EscalationResolver> _logger;

    /// <summary>Creates the resolver; the frontier is the <see cref="IChatClient"/> keyed <see cref="HeteroFrontier.ServiceKey"/>, if any.</summary>
    public EscalationResolver(IServiceProvider services, IOptions<FrontierOptions> options, TimeProvider timeProvider, ILogger<EscalationResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _frontier = services.GetKeyedService<IChatClient>(HeteroFrontier.ServiceKey);
        _options = options.Value;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>
    /// Asks the frontier model for <paramref name="task"/>'s result and validates it. The request is tagged for the
    /// conversion-loop log (<see cref="FlywheelCallContext"/>) with the task type, task id, batch and <paramref name="reason"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No frontier model is configured (check <see cref="FrontierAvailability"/>).</exception>
    /// <exception cref="FrontierResolutionException">Invalid JSON, invalid result, timeout, refusal or backend error.</exception>
    public Task<FrontierResolution> ResolveAsync(ITaskMessage task, EscalationReason? reason = null, CancellationToken cancellationToken = default) =>
        ResolveAsync(task, reason, workloadId: null, cancellationToken);

    /// <summary>
    /// As <see cref="ResolveAsync(ITaskMessage, EscalationReason?, CancellationToken)"/>, recording <paramref name="workloadId"/>
    /// on the logged frontier call.
    /// </summary>
    /// <exception cref="InvalidOperationException">No frontier model is configured (check <see cref="FrontierAvailability"/>).</exception>
    /// <exception cref="FrontierResolutionException">Invalid JSON, invalid result, timeout, refusal or backend error.</exception>
    public Task<FrontierResolution> ResolveAsync(ITaskMessage task, EscalationReason? reason, string? workloadId, CancellationToken cancellationToken = default) =>
        AnswerAsync(task, reason, workloadId, audit: null, cancellationToken);

    /// <summary>
    /// Asks the frontier model for the result of <paramref name="task"/>, which the SLM completed with <paramref name="audit"/>,
    /// without changing that result: the logged frontier call carries the SLM answer (<see cref="FlywheelCallContext.Audit"/>),
    /// so the conversion loop can measure their agreement.
    /// </summary>
    /// <exception cref="InvalidOperationException">No frontier model is configured (check <see cref="FrontierAvailability"/>).</exception>
    /// <exception cref="FrontierResolutionException">Invalid JSON, invalid result, timeout, refusal or backend error.</exception>
    public Task<FrontierResolution> AuditAsync(ITaskMessage task, AuditedAnswer audit, string? workloadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return AnswerAsync(task, reason: null, workloadId, audit, cancellationToken);
    }

    private async Task<FrontierResolution> AnswerAsync(ITaskMessage task, EscalationReason? reason, string? workloadId, AuditedAnswer? audit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var frontier = _frontier ?? throw new InvalidOperationException("No frontier model is configured (Hetero:Frontier:Model).");

        var schema = JsonSerializer.SerializeToElement(ResultSchemas.For(task));
        var chatOptions = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, FrontierPrompts.SchemaName(task.Type), $"The result of a {task.Type.ToWireName()} task."),
            Temperature = 0,
            MaxOutputTokens = _options.MaxOutputTokens,
        };
        new FlywheelCallContext(task.Type.ToWireName(), workloadId, reason, task.BatchId, TaskId: task.TaskId.ToString("D", System.Globalization.CultureInfo.InvariantCulture), Audit: audit)
            .WithFlywheelContext(chatOptions);

        var started = _timeProvider.GetTimestamp();
        using var timeout = new CancellationTokenSource(_options.Timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        ChatResponse response;
        try
        {
            response = await frontier.GetResponseAsync(FrontierPrompts.For(task), chatOptions, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(task, FrontierFailureKind.Timeout, $"no answer within {_options.Timeout.TotalSeconds:0.###} s (Hetero:Frontier:Timeout)", null, ex);
        }
        catch (TimeoutException ex)
        {
            throw Fail(task, FrontierFailureKind.Timeout, ex.Message, null, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw Fail(task, FrontierFailureKind.BackendError, $"{ex.GetType().Name}: {ex.Message}", null, ex);
        }

        var latencyMs = (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;
        var text = response.Text;
        var refusal = response.Messages.SelectMany(m => m.Contents).OfType<ErrorContent>().FirstOrDefault();
        if (refusal is not null || response.FinishReason == ChatFinishReason.ContentFilter || string.IsNullOrWhiteSpace(text))
        {
            var why = refusal is not null ? $"the model refused: {refusal.Message}"
                : response.FinishReason == ChatFinishReason.ContentFilter ? "the answer was withheld by a content filter"
                : "the answer was empty";
            throw Fail(task, FrontierFailureKind.Refusal, why, text, null);
        }

        JsonElement result;
        try
        {
            using var document = JsonDocument.Parse(StripCodeFence(text));
            result = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw Fail(task, FrontierFailureKind.InvalidJson, $"the answer is not JSON ({ex.Message})", text, ex);
        }

        var validation = TaskResultValidator.Frontier.Validate(task, result);
        if (!validation.IsValid)
        {
            throw Fail(task, FrontierFailureKind.SchemaInvalid, string.Join("; ", validation.Describe()), text, null);
        }

        var model = response.ModelId ?? _options.Model ?? frontier.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown";
        var usage = new TaskUsage(response.Usage?.InputTokenCount ?? 0, response.Usage?.OutputTokenCount ?? 0);
        LogResolved(task.Type.ToWireName(), task.TaskId, model, latencyMs);
        return new FrontierResolution(result, HeteroFrontier.ServedBy(model), usage, latencyMs);
    }

    /// <summary>The messages a frontier model gets to resolve <paramref name="task"/> (system instructions, then the task input as JSON).</summary>
    public static IReadOnlyList<ChatMessage> FrontierPrompt(ITaskMessage task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return FrontierPrompts.For(task);
    }

    /// <summary>
    /// Rebuilds the typed task from an escalation event (its <see cref="TaskEscalated.Input"/> is the task's input object),
    /// with the kind's input reader — the same one that reads batch lines — from <paramref name="kinds"/> (default
    /// <see cref="TaskKindRegistry.Default"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The event's task type is not a known kind, or its input does not have the kind's shape.</exception>
    public static ITaskMessage ToTask(TaskEscalated escalated, TaskKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(escalated);
        return ToTask(escalated.TaskId, escalated.BatchId, escalated.CustomId, escalated.TaskType, escalated.Input, escalated.Routing?.Workload, "escalated", kinds);
    }

    /// <summary>Rebuilds the task of an audit request from its input, with the kind's input reader (see <see cref="ToTask(TaskEscalated, TaskKindRegistry?)"/>).</summary>
    /// <exception cref="ArgumentException">The task type is not a known kind, or the input does not have the kind's shape.</exception>
    public static ITaskMessage ToTask(TaskAuditRequested audit, TaskKindRegistry? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(audit);
        var c = audit.Completed;
        return ToTask(c.TaskId, c.BatchId, c.CustomId, c.TaskType, audit.Input, c.Routing?.Workload, "audited", kinds);
    }

    /// <summary>
    /// The task of <paramref name="type"/> whose input, as an outcome or a flywheel log record carries it, is
    /// <paramref name="input"/>, in <paramref name="workloadId"/>, read with the kind's input reader.
    /// </summary>
    /// <exception cref="ArgumentException">The task type is not a known kind, or the input does not have the kind's shape.</exception>
    public static ITaskMessage ToTask(TaskType type, Guid taskId, string batchId, string customId, JsonElement input, string? workloadId = null) =>
        ToTask(taskId, batchId, customId, type, input, workloadId, "logged", kinds: null);

    private static ITaskMessage ToTask(
        Guid taskId, string batchId, string customId, TaskType type, JsonElement input, string? workloadId, string what, TaskKindRegistry? kinds)
    {
        var kind = (kinds ?? TaskKindRegistry.Default).Get(type);
        if (input.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"The {what} {kind.WireName} task {customId} carries no input object.", "input");
        }

        ITaskMessage task;
        try
        {
            task = kind.ReadTask(taskId, batchId, customId, input, workloadId);
        }
        catch (InputShapeException ex)
        {
            throw new ArgumentException($"The {what} {kind.WireName} task {customId} carries an input of the wrong shape: {ex.Message}", "input", ex);
        }

        // The reader leaves missing members null for the input rules of a first hop; a task read back here must be
        // complete, since its input is sent to the frontier model and logged as it is.
        try
        {
            _ = FrontierPrompts.InputJson(task);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The {what} {kind.WireName} task {customId} carries an input without a required member: {ex.Message}", "input", ex);
        }

        return task;
    }

    private static string StripCodeFence(string text)
    {
        var trimmed = text.Trim();
        if (!trimmed.StartsWith("```", StringComparison.Ordinal))
        {
            return trimmed;
        }

        var firstNewLine = trimmed.IndexOf('\n', StringComparison.Ordinal);
        var lastFence = trimmed.LastIndexOf("```", StringComparison.Ordinal);
        return firstNewLine > 0 && lastFence > firstNewLine ? trimmed[(firstNewLine + 1)..lastFence].Trim() : trimmed;
    }

    private FrontierResolutionException Fail(ITaskMessage task, FrontierFailureKind kind, string detail, string? raw, Exception? inner)
    {
        LogFailed(task.Type.ToWireName(), task.TaskId, FrontierResolutionException.KindName(kind), detail);
        return new FrontierResolutionException(task.TaskId, task.Type, kind, detail, raw, inner);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Frontier resolved {TaskType} task {TaskId} with {Model} in {LatencyMs} ms")]
    private partial void LogResolved(string taskType, Guid taskId, string model, long latencyMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Frontier failed {TaskType} task {TaskId}: {Kind}: {Detail}")]
    private partial void LogFailed(string taskType, Guid taskId, string kind, string detail);
}

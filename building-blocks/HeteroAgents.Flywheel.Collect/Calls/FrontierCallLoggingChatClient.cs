using System.Diagnostics;
using System.Runtime.CompilerServices;
using HeteroAgents.Frontier;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Middleware that appends every call of the wrapped frontier client — plain or streaming, answered or failed —
/// to an <see cref="IFrontierCallLog"/> (conversion-loop step S1). Task type, workload, batch and escalation reason
/// come from the request's <see cref="FlywheelCallContext"/>; those keys are removed before the request is passed on.
/// Only messages, response schema and answer are recorded — never request options, headers or keys.
/// </summary>
public sealed partial class FrontierCallLoggingChatClient : DelegatingChatClient
{
    private readonly IFrontierCallLog _log;
    private readonly TimeProvider _time;
    private readonly CostAccountingOptions? _prices;
    private readonly bool _failOnLogError;
    private readonly ILogger _logger;

    /// <summary>Wraps <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The frontier client.</param>
    /// <param name="log">Where records go.</param>
    /// <param name="timeProvider">Clock for timestamps and latency.</param>
    /// <param name="prices">Prices to estimate a call's cost when the response carries no <see cref="FlywheelPropertyKeys.CostUsd"/>.</param>
    /// <param name="failCallOnLogError">Whether a log write failure fails the call (default: logged and ignored).</param>
    /// <param name="logger">Diagnostics logger.</param>
    public FrontierCallLoggingChatClient(
        IChatClient innerClient,
        IFrontierCallLog log,
        TimeProvider? timeProvider = null,
        CostAccountingOptions? prices = null,
        bool failCallOnLogError = false,
        ILogger<FrontierCallLoggingChatClient>? logger = null)
        : base(innerClient)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
        _time = timeProvider ?? TimeProvider.System;
        _prices = prices;
        _failOnLogError = failCallOnLogError;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var prompt = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var context = FlywheelCallContext.From(options);
        var started = _time.GetUtcNow();
        var ticks = _time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(prompt, StripContext(options), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await WriteAsync(FrontierCallRecordFactory.Failed(context, prompt, options, started, _time.GetElapsedTime(ticks), ex, streaming: false)).ConfigureAwait(false);
            throw;
        }

        await WriteAsync(FrontierCallRecordFactory.Answered(context, prompt, options, started, _time.GetElapsedTime(ticks), response, _prices, streaming: false)).ConfigureAwait(false);
        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        var context = FlywheelCallContext.From(options);
        var started = _time.GetUtcNow();
        var ticks = _time.GetTimestamp();
        var updates = new List<ChatResponseUpdate>();
        var finished = false;
        var enumerator = base.GetStreamingResponseAsync(prompt, StripContext(options), cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                ChatResponseUpdate update;
                try
                {
                    if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                    {
                        break;
                    }

                    update = enumerator.Current;
                }
                catch (Exception ex)
                {
                    finished = true;
                    await WriteAsync(FrontierCallRecordFactory.Failed(context, prompt, options, started, _time.GetElapsedTime(ticks), ex, streaming: true, partial: updates)).ConfigureAwait(false);
                    throw;
                }

                updates.Add(update);
                yield return update;
            }

            finished = true;
            await WriteAsync(FrontierCallRecordFactory.Answered(context, prompt, options, started, _time.GetElapsedTime(ticks), updates.ToChatResponse(), _prices, streaming: true)).ConfigureAwait(false);
        }
        finally
        {
            if (!finished)
            {
                // The caller stopped reading before the stream ended: keep what was received, marked as incomplete.
                await WriteAsync(FrontierCallRecordFactory.Failed(context, prompt, options, started, _time.GetElapsedTime(ticks),
                    new OperationCanceledException("The caller stopped reading the stream before it ended."), streaming: true, partial: updates)).ConfigureAwait(false);
            }

            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static ChatOptions? StripContext(ChatOptions? options)
    {
        if (options?.AdditionalProperties is not { } props || !props.Keys.Any(k => k.StartsWith(FlywheelPropertyKeys.RequestPrefix, StringComparison.Ordinal)))
        {
            return options;
        }

        var clone = options.Clone();
        var copy = new AdditionalPropertiesDictionary();
        foreach (var (key, value) in props)
        {
            if (!key.StartsWith(FlywheelPropertyKeys.RequestPrefix, StringComparison.Ordinal))
            {
                copy[key] = value;
            }
        }

        clone.AdditionalProperties = copy.Count == 0 ? null : copy;
        return clone;
    }

    private async ValueTask WriteAsync(FrontierCallRecord record)
    {
        try
        {
            // Not the caller's token: a cancelled call is still recorded.
            await _log.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (!_failOnLogError)
        {
            LogWriteFailed(_logger, ex, record.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not append frontier call {RecordId} to the flywheel log; the call's answer is returned regardless.")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string recordId);
}

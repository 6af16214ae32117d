using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Middleware that guarantees every response carries <see cref="ChatResponse.Usage"/> (zero counts when the backend
/// reported none) and adds the token counts to the worker's metrics (<c>hetero.worker.tokens</c>) together with the
/// call's output speed (<c>hetero.worker.generation.speed</c>, timed with <see cref="TimeProvider"/>).
/// </summary>
public sealed class UsageAccountingChatClient(IChatClient innerClient, WorkerMetrics metrics, TimeProvider timeProvider) : DelegatingChatClient(innerClient)
{
    /// <summary>Creates the stage timing with the system clock.</summary>
    public UsageAccountingChatClient(IChatClient innerClient, WorkerMetrics metrics)
        : this(innerClient, metrics, TimeProvider.System)
    {
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var started = timeProvider.GetTimestamp();
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        var elapsed = timeProvider.GetElapsedTime(started);
        response.Usage ??= new UsageDetails();
        response.Usage.InputTokenCount ??= 0;
        response.Usage.OutputTokenCount ??= 0;
        response.Usage.TotalTokenCount ??= response.Usage.InputTokenCount + response.Usage.OutputTokenCount;
        metrics.RecordTokens(response.Usage.InputTokenCount.Value, response.Usage.OutputTokenCount.Value);
        metrics.RecordGeneration(response.Usage.OutputTokenCount.Value, elapsed);
        return response;
    }
}

using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Middleware that guarantees every response carries <see cref="ChatResponse.Usage"/> (zero counts when the backend
/// reported none) and adds the token counts to the worker's metrics (<c>hetero.worker.tokens</c>).
/// </summary>
public sealed class UsageAccountingChatClient(IChatClient innerClient, WorkerMetrics metrics) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        response.Usage ??= new UsageDetails();
        response.Usage.InputTokenCount ??= 0;
        response.Usage.OutputTokenCount ??= 0;
        response.Usage.TotalTokenCount ??= response.Usage.InputTokenCount + response.Usage.OutputTokenCount;
        metrics.RecordTokens(response.Usage.InputTokenCount.Value, response.Usage.OutputTokenCount.Value);
        return response;
    }
}

using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>Middleware that bounds each backend call by a timeout measured on a <see cref="TimeProvider"/>; an expired call throws <see cref="TimeoutException"/>.</summary>
public sealed class RequestTimeoutChatClient : DelegatingChatClient
{
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the stage.</summary>
    public RequestTimeoutChatClient(IChatClient innerClient, TimeSpan timeout, TimeProvider timeProvider)
        : base(innerClient)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeout = timeout;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var timeout = new CancellationTokenSource(_timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await base.GetResponseAsync(messages, options, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The model backend did not answer within {_timeout.TotalSeconds:0.###} s (Hetero:Slm:TimeoutSeconds).", ex);
        }
    }
}

using System.ClientModel;
using System.Net.Sockets;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Middleware that turns whatever a backend throws into a <see cref="ChatBackendException"/> that says whether a
/// retry may help: connection failures, timeouts, HTTP 408/429/5xx are transient; HTTP 4xx and anything else are
/// permanent. Cancellation requested by the caller and <see cref="ModelInputTooLargeException"/> pass through unchanged.
/// </summary>
public sealed class BackendErrorChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    /// <inheritdoc />
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is ChatBackendException or ModelInputTooLargeException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw Classify(ex);
        }
    }

    /// <summary>Wraps <paramref name="exception"/> in a <see cref="ChatBackendException"/> with a readable message.</summary>
    public static ChatBackendException Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            ClientResultException { Status: 0 } e => new($"The model backend could not be reached: {e.InnerException?.Message ?? e.Message}", true, e),
            ClientResultException { Status: 408 or 429 or >= 500 } e => new($"The model backend answered HTTP {e.Status}: {e.Message}", true, e),
            ClientResultException e => new($"The model backend rejected the request with HTTP {e.Status}: {e.Message}", false, e),
            TimeoutException e => new(e.Message, true, e),
            OperationCanceledException e => new("The model backend call was cancelled or timed out.", true, e),
            HttpRequestException e => new($"The model backend could not be reached: {e.Message}", true, e),
            SocketException e => new($"The model backend could not be reached: {e.Message}", true, e),
            IOException e => new($"The connection to the model backend failed: {e.Message}", true, e),
            _ => new($"The model backend failed: {exception.GetType().Name}: {exception.Message}", false, exception),
        };
    }
}

using HeteroAgents.Inference.Generation;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Reports a prompt longer than the in-process model's context window as <see cref="ModelInputTooLargeException"/>,
/// so the task escalates with <c>input_too_large</c> (not as a backend failure).
/// </summary>
internal sealed class ContextWindowChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ContextWindowExceededException ex)
        {
            throw new ModelInputTooLargeException(ex.Message, ex);
        }
    }
}

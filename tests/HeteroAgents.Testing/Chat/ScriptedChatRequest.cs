using Microsoft.Extensions.AI;

namespace HeteroAgents.Testing.Chat;

/// <summary>One call a <see cref="ScriptedChatClient"/> received.</summary>
/// <param name="Messages">The messages sent.</param>
/// <param name="Options">The options sent (response format, temperature, ...).</param>
public sealed record ScriptedChatRequest(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)
{
    /// <summary>The text of the last user message.</summary>
    public string UserText => Messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
}

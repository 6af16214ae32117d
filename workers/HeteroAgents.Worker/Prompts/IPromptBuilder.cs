using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Prompts;

/// <summary>Builds the chat messages for one task type. The result schema is sent separately, as the response format.</summary>
/// <typeparam name="TTask">The task message type.</typeparam>
public interface IPromptBuilder<in TTask>
    where TTask : ITaskMessage
{
    /// <summary>The system and user messages for <paramref name="task"/>.</summary>
    IReadOnlyList<ChatMessage> Build(TTask task);
}

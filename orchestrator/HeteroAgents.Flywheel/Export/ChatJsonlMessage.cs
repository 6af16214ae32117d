namespace HeteroAgents.Flywheel;

/// <summary>One message of a chat-JSONL training example.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record ChatJsonlMessage(string Role, string Content);

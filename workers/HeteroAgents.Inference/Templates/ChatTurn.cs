namespace HeteroAgents.Inference.Templates;

/// <summary>One message of a conversation as a chat template sees it.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message text.</param>
public sealed record ChatTurn(string Role, string Content);

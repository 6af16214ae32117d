namespace HeteroAgents.Inference.Templates;

/// <summary>One message of a conversation as a chat template sees it.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c> (a tool's result).</param>
/// <param name="Content">The message text.</param>
public sealed record ChatTurn(string Role, string Content)
{
    /// <summary>The tool calls an assistant message made (templates that support tools render them).</summary>
    public IReadOnlyList<ChatToolCall>? ToolCalls { get; init; }
}

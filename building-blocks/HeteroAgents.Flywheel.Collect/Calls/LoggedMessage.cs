namespace HeteroAgents.Flywheel;

/// <summary>One prompt message of a logged frontier call.</summary>
/// <param name="Role">The chat role: <c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The message's text (function calls and results rendered as JSON text).</param>
public sealed record LoggedMessage(string Role, string Content)
{
    /// <summary>The system role's name.</summary>
    public const string SystemRole = "system";

    /// <summary>The user role's name.</summary>
    public const string UserRole = "user";

    /// <summary>The assistant role's name.</summary>
    public const string AssistantRole = "assistant";
}

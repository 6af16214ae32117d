namespace HeteroAgents.Contracts;

/// <summary>The four built-in task kinds (also <see cref="TaskKindRegistry.Default"/>).</summary>
public static class TaskKinds
{
    /// <summary>Pick one label from a closed set.</summary>
    public static ClassifyKind Classify { get; } = new();

    /// <summary>Fill a caller-supplied JSON schema from a text.</summary>
    public static ExtractKind Extract { get; } = new();

    /// <summary>Choose one tool from a list and fill its arguments.</summary>
    public static ToolCallKind ToolCall { get; } = new();

    /// <summary>Summarize a text within a word budget.</summary>
    public static SummarizeKind Summarize { get; } = new();
}

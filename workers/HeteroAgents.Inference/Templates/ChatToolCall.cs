namespace HeteroAgents.Inference.Templates;

/// <summary>A tool call in an assistant message.</summary>
/// <param name="Name">The function name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
public sealed record ChatToolCall(string Name, string ArgumentsJson);

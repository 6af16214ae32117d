namespace HeteroAgents.Contracts;

/// <summary>Input of a tool-call task: choose one of <see cref="Tools"/> for <see cref="Request"/> and fill its arguments.</summary>
/// <param name="Request">The user's request.</param>
/// <param name="Tools">The tools to choose from; names are unique.</param>
public sealed record ToolCallInput(string Request, IReadOnlyList<ToolDefinition> Tools);

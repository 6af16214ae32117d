using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Result of a tool-call task.</summary>
/// <param name="Name">The chosen tool's name.</param>
/// <param name="Arguments">The arguments object, valid against that tool's parameters schema.</param>
public sealed record ToolCallResult(string Name, JsonElement Arguments);

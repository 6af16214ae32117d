using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>A tool the model may choose in a tool-call task.</summary>
/// <param name="Name">The tool's unique name.</param>
/// <param name="Description">What the tool does, for the model.</param>
/// <param name="Parameters">A JSON schema for the tool's arguments object.</param>
public sealed record ToolDefinition(string Name, string Description, JsonElement Parameters);

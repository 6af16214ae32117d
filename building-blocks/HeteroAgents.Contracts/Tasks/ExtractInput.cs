using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Input of an extract task: fill <see cref="Schema"/> with values found in <see cref="Text"/>.</summary>
/// <param name="Text">The source text.</param>
/// <param name="Schema">A JSON schema (an object schema) describing the fields to extract.</param>
/// <param name="Instructions">Optional guidance.</param>
public sealed record ExtractInput(string Text, JsonElement Schema, string? Instructions = null);

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// A tool offered to the model, as the JSON object chat templates receive in <c>tools</c>, e.g.
/// <c>{"type": "function", "function": {"name": …, "description": …, "parameters": {…}}}</c>.
/// </summary>
/// <param name="Json">The tool object as JSON text (key order is kept when rendered).</param>
public sealed record ChatToolDefinition(string Json);

using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Frontier;

/// <summary>A result produced by the frontier model for an escalated task, validated against the task's result schema.</summary>
/// <param name="Result">The validated result.</param>
/// <param name="ServedBy"><c>frontier:&lt;model&gt;</c>.</param>
/// <param name="Usage">Tokens the frontier call used.</param>
/// <param name="LatencyMs">Time the frontier call took.</param>
public sealed record FrontierResolution(JsonElement Result, string ServedBy, TaskUsage Usage, long LatencyMs);

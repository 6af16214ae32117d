using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>One line of a batch input file: <c>{"custom_id":"t1","task":"classify","input":{...}}</c>.</summary>
/// <param name="CustomId">The caller's id; unique within the batch.</param>
/// <param name="Task">The task type's wire name.</param>
/// <param name="Input">The task input object; its shape depends on <paramref name="Task"/>.</param>
public sealed record BatchInputLine(string CustomId, string Task, JsonElement Input);

using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Frontier;

/// <summary>The messages sent to the frontier model to resolve one task with structured output.</summary>
internal static class FrontierPrompts
{
    public static List<ChatMessage> For(ITaskMessage task)
    {
        var instructions = task.Kind.Instructions(task);

        var system = "You resolve a " + task.Type.ToWireName() + " sub-task that a small model could not answer reliably. "
            + instructions + " Reply with a single JSON object that validates against the response schema, and nothing else.";

        return
        [
            new ChatMessage(ChatRole.System, system),
            new ChatMessage(ChatRole.User, "Task input (JSON):\n" + InputJson(task)),
        ];
    }

    public static string InputJson(ITaskMessage task) => JsonSerializer.Serialize(task.Kind.InputOf(task), task.Kind.InputType, HeteroJson.Options);

    public static string SchemaName(TaskType type) => type.ToWireName() + "_result";
}

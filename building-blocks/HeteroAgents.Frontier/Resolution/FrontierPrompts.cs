using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Frontier;

/// <summary>The messages sent to the frontier model to resolve one task with structured output.</summary>
internal static class FrontierPrompts
{
    public static List<ChatMessage> For(ITaskMessage task)
    {
        var instructions = task switch
        {
            ClassifyTask => "Classify the text into exactly one of the given labels. Answer {\"label\": <one of the labels>}.",
            ExtractTask => "Extract the fields described by the JSON schema from the text. Use only values stated in the text; leave out fields the text does not state unless the schema requires them.",
            ToolCallTask => "Choose the one tool that serves the request and fill its arguments from the request. Answer {\"name\": <tool name>, \"arguments\": {...}}.",
            SummarizeTask s => $"Summarize the text in at most {s.Input.MaxWords} words. Answer {{\"summary\": <the summary>}}.",
            _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
        };

        var system = "You resolve a " + task.Type.ToWireName() + " sub-task that a small model could not answer reliably. "
            + instructions + " Reply with a single JSON object that validates against the response schema, and nothing else.";

        return
        [
            new ChatMessage(ChatRole.System, system),
            new ChatMessage(ChatRole.User, "Task input (JSON):\n" + InputJson(task)),
        ];
    }

    public static string InputJson(ITaskMessage task) => task switch
    {
        ClassifyTask c => JsonSerializer.Serialize(c.Input, HeteroJson.Options),
        ExtractTask e => JsonSerializer.Serialize(e.Input, HeteroJson.Options),
        ToolCallTask t => JsonSerializer.Serialize(t.Input, HeteroJson.Options),
        SummarizeTask s => JsonSerializer.Serialize(s.Input, HeteroJson.Options),
        _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
    };

    public static string SchemaName(TaskType type) => type.ToWireName() + "_result";
}

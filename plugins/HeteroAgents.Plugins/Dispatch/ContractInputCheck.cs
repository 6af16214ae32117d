using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// Holds a plugin call's input to the batch path's rules: the task is written as the batch line it would be and read
/// back with <see cref="TaskInputParser"/>, so a plugin call is refused, before anything is published, wherever a batch
/// line with the same input would fail (text size limits, result and tool schemas checked keyword by keyword). The
/// parser's located error becomes an <see cref="ArgumentException"/> naming the plugin parameter.
/// </summary>
internal static class ContractInputCheck
{
    private const string SessionBatch = "plugin-check";

    /// <summary>Throws when <paramref name="task"/>'s input would fail as a batch line.</summary>
    /// <exception cref="ArgumentException">The input breaks a batch rule; <see cref="ArgumentException.ParamName"/> names the parameter.</exception>
    public static void Check(ITaskMessage task, TaskInputParser parser)
    {
        var input = task switch
        {
            ClassifyTask c => JsonSerializer.SerializeToElement(c.Input, HeteroJson.Options),
            ExtractTask e => JsonSerializer.SerializeToElement(e.Input, HeteroJson.Options),
            ToolCallTask t => JsonSerializer.SerializeToElement(t.Input, HeteroJson.Options),
            SummarizeTask s => JsonSerializer.SerializeToElement(s.Input, HeteroJson.Options),
            _ => throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task)),
        };
        var line = JsonSerializer.SerializeToUtf8Bytes(new BatchInputLine("call", task.Type.ToWireName(), WithoutNulls(input)), HeteroJson.Options);
        var parsed = parser.Parse(line, 1, SessionBatch);
        if (!parsed.IsSuccess)
        {
            var parameter = Parameter(parsed.Error.Field, task.Type);
            var message = parsed.Error.Message.StartsWith("line 1: ", StringComparison.Ordinal) ? parsed.Error.Message["line 1: ".Length..] : parsed.Error.Message;
            throw new ArgumentException($"{message} [{parsed.Error.Code}]", parameter);
        }
    }

    /// <summary>The plugin parameter behind a batch field: <c>input.tools[1].parameters.type</c> → <c>tools</c>.</summary>
    private static string Parameter(string? field, TaskType type)
    {
        if (field is not null && field.StartsWith("input.", StringComparison.Ordinal))
        {
            return field["input.".Length..].Split('.', '[')[0];
        }

        return type == TaskType.ToolCall ? "request" : "text";
    }

    // Optional members the caller left out (null) are absent from a batch line, not null.
    private static JsonElement WithoutNulls(JsonElement input)
    {
        var members = input.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).ToDictionary(p => p.Name, p => p.Value);
        return JsonSerializer.SerializeToElement(members, HeteroJson.Options);
    }
}

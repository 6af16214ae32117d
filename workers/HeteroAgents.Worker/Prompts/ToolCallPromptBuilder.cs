using System.Text;
using System.Text.Json;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Prompts;

/// <summary>Prompt for tool-call tasks: one line per tool (name, description, parameters schema), then the request.</summary>
public sealed class ToolCallPromptBuilder : IPromptBuilder<ToolCallTask>
{
    private const string System =
        "You route a user request to exactly one tool and fill in the tool's arguments from the request. " +
        "Answer only with a JSON object {\"name\": \"<tool name>\", \"arguments\": {...}} where the arguments match " +
        "the tool's parameters schema. Take argument values from the request; do not invent them.";

    /// <inheritdoc />
    public IReadOnlyList<ChatMessage> Build(ToolCallTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var user = new StringBuilder().Append("Tools:\n");
        foreach (var tool in task.Input.Tools)
        {
            user.Append("- ").Append(tool.Name).Append(": ").Append(tool.Description)
                .Append(" Parameters: ").Append(tool.Parameters.ValueKind == JsonValueKind.Undefined ? "{}" : tool.Parameters.GetRawText())
                .Append('\n');
        }

        user.Append(PromptTags.Wrap(PromptTags.RequestOpen, task.Input.Request, PromptTags.RequestClose));
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }
}

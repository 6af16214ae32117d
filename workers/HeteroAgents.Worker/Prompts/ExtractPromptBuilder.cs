using System.Text;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Prompts;

/// <summary>Prompt for extract tasks: the caller's schema, optional instructions, then the text.</summary>
public sealed class ExtractPromptBuilder : IPromptBuilder<ExtractTask>
{
    private const string System =
        "You extract information from a text into JSON. Fill the fields of the given JSON schema with values taken " +
        "from the text. Copy text values exactly as they are written in the text; do not invent, translate or reformat " +
        "them. Omit optional fields the text does not mention. Answer only with the JSON object.";

    /// <inheritdoc />
    public IReadOnlyList<ChatMessage> Build(ExtractTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var user = new StringBuilder()
            .Append("JSON schema of the answer: ").Append(task.Input.Schema.GetRawText()).Append('\n');
        if (!string.IsNullOrWhiteSpace(task.Input.Instructions))
        {
            user.Append("Instructions: ").Append(task.Input.Instructions.Trim()).Append('\n');
        }

        user.Append(PromptTags.Wrap(PromptTags.TextOpen, task.Input.Text, PromptTags.TextClose));
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }
}

using System.Text;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Prompts;

/// <summary>Prompt for classify tasks: the label set, optional instructions, then the text.</summary>
public sealed class ClassifyPromptBuilder : IPromptBuilder<ClassifyTask>
{
    private const string System =
        "You are a text classifier. Choose exactly one label from the allowed labels that best fits the text. " +
        "Answer only with a JSON object {\"label\": \"<label>\"} whose label is copied exactly from the allowed labels.";

    /// <inheritdoc />
    public IReadOnlyList<ChatMessage> Build(ClassifyTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var user = new StringBuilder()
            .Append("Allowed labels: ").AppendJoin(", ", task.Input.Labels).Append('\n');
        if (!string.IsNullOrWhiteSpace(task.Input.Instructions))
        {
            user.Append("Instructions: ").Append(task.Input.Instructions.Trim()).Append('\n');
        }

        user.Append(PromptTags.Wrap(PromptTags.TextOpen, task.Input.Text, PromptTags.TextClose));
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user.ToString())];
    }
}

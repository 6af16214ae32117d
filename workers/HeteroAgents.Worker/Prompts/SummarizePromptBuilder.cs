using System.Globalization;
using HeteroAgents.Contracts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Prompts;

/// <summary>Prompt for summarize tasks: the word budget (as "at most N words"), then the text.</summary>
public sealed class SummarizePromptBuilder : IPromptBuilder<SummarizeTask>
{
    private const string System =
        "You summarize texts faithfully and concisely, keeping the key facts and leaving out nothing essential. " +
        "Answer only with a JSON object {\"summary\": \"<summary>\"}.";

    /// <inheritdoc />
    public IReadOnlyList<ChatMessage> Build(SummarizeTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var user = string.Create(CultureInfo.InvariantCulture, $"Summarize the text in at most {task.Input.MaxWords} words.\n") +
            PromptTags.Wrap(PromptTags.TextOpen, task.Input.Text, PromptTags.TextClose);
        return [new ChatMessage(ChatRole.System, System), new ChatMessage(ChatRole.User, user)];
    }
}

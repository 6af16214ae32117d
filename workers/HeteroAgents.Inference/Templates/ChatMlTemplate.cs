namespace HeteroAgents.Inference.Templates;

/// <summary>
/// ChatML as used by Qwen2, Qwen2.5, Qwen3 and SmolLM2: <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c>
/// per message, with the template's default system prompt inserted when the conversation has none.
/// </summary>
public sealed class ChatMlTemplate : IChatTemplate
{
    /// <summary>Creates the template.</summary>
    /// <param name="defaultSystemPrompt">System text the model's template inserts when no system message is given (null: none).</param>
    public ChatMlTemplate(string? defaultSystemPrompt = null)
    {
        DefaultSystemPrompt = defaultSystemPrompt;
    }

    /// <summary>The system text inserted when the conversation has none.</summary>
    public string? DefaultSystemPrompt { get; }

    /// <inheritdoc/>
    public string Name => "chatml";

    /// <inheritdoc/>
    public IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|im_end|>"];

    /// <inheritdoc/>
    public string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, addGenerationPrompt));

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new PromptSegmentWriter();
        if (DefaultSystemPrompt is not null && (messages.Count == 0 || messages[0].Role != "system"))
        {
            Append(w, "system", DefaultSystemPrompt);
        }

        foreach (var m in messages)
        {
            Append(w, m.Role, m.Content);
        }

        if (addGenerationPrompt)
        {
            w.Template("<|im_start|>assistant\n");
        }

        return w.ToSegments();
    }

    private static void Append(PromptSegmentWriter w, string role, string content)
        => w.Template("<|im_start|>" + role + "\n").Content(content).Template("<|im_end|>\n");
}

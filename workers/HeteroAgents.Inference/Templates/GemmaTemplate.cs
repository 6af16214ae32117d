namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Gemma 3 turns: <c>&lt;start_of_turn&gt;user|model\ncontent&lt;end_of_turn&gt;\n</c> after the BOS token, content
/// trimmed. A system message is folded into the first user turn followed by a blank line; user and model turns must
/// alternate, as the template demands. No tools.
/// </summary>
public sealed class GemmaTemplate : ChatTemplateBase
{
    private readonly string _bosToken;

    /// <summary>Creates the template.</summary>
    public GemmaTemplate(string bosToken = "<bos>")
    {
        _bosToken = bosToken;
    }

    /// <inheritdoc/>
    public override string Name => "gemma3";

    /// <inheritdoc/>
    public override IReadOnlyList<string> EndOfTurnTokens { get; } = ["<end_of_turn>"];

    private protected override void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt)
    {
        w.Template(_bosToken);
        var prefix = string.Empty;
        var start = 0;
        if (messages.Count > 0 && messages[0].Role == "system")
        {
            prefix = messages[0].Content + "\n\n";
            start = 1;
        }

        for (var i = start; i < messages.Count; i++)
        {
            if ((messages[i].Role == "user") != ((i - start) % 2 == 0))
            {
                throw new ArgumentException("Conversation roles must alternate user/assistant/user/assistant/...", nameof(messages));
            }

            var role = messages[i].Role == "assistant" ? "model" : messages[i].Role;
            w.Template("<start_of_turn>" + role + "\n");
            if (i == start)
            {
                w.Content(prefix);
            }

            w.Content(Trim(messages[i].Content)).Template("<end_of_turn>\n");
        }

        if (addGenerationPrompt)
        {
            w.Template("<start_of_turn>model\n");
        }
    }
}

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Gemma turns: <c>&lt;start_of_turn&gt;user|model\ncontent&lt;end_of_turn&gt;\n</c> after the BOS token, content
/// trimmed. A system message is folded into the first user turn followed by a blank line, as Gemma 3's template does
/// (Gemma 1/2 templates reject system messages).
/// </summary>
public sealed class GemmaTemplate : IChatTemplate
{
    private readonly string _bosToken;

    /// <summary>Creates the template.</summary>
    public GemmaTemplate(string bosToken = "<bos>")
    {
        _bosToken = bosToken;
    }

    /// <inheritdoc/>
    public string Name => "gemma";

    /// <inheritdoc/>
    public IReadOnlyList<string> EndOfTurnTokens { get; } = ["<end_of_turn>"];

    /// <inheritdoc/>
    public string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, addGenerationPrompt));

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new PromptSegmentWriter().Template(_bosToken);
        var prefix = string.Empty;
        var start = 0;
        if (messages.Count > 0 && messages[0].Role == "system")
        {
            prefix = messages[0].Content + "\n\n";
            start = 1;
        }

        for (var i = start; i < messages.Count; i++)
        {
            var role = messages[i].Role == "assistant" ? "model" : messages[i].Role;
            w.Template("<start_of_turn>" + role + "\n");
            if (i == start)
            {
                w.Content(prefix);
            }

            w.Content(messages[i].Content.Trim()).Template("<end_of_turn>\n");
        }

        if (addGenerationPrompt)
        {
            w.Template("<start_of_turn>model\n");
        }

        return w.ToSegments();
    }
}

namespace HeteroAgents.Inference.Templates;

/// <summary>The shared part of the formatters: everything renders through the segment form with tools.</summary>
public abstract class ChatTemplateBase : IChatTemplate
{
    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<string> EndOfTurnTokens { get; }

    /// <inheritdoc/>
    public string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, null, addGenerationPrompt));

    /// <summary>Renders with tools, as one string.</summary>
    public string Render(IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, tools, addGenerationPrompt));

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => RenderSegments(messages, null, addGenerationPrompt);

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new PromptSegmentWriter();
        Write(w, messages, tools is { Count: > 0 } ? tools : null, addGenerationPrompt);
        return w.ToSegments();
    }

    /// <summary>Writes the prompt; <paramref name="tools"/> is null or non-empty.</summary>
    private protected abstract void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt);

    /// <summary>Jinja's <c>trim</c> as the reference renders it (JavaScript's whitespace set).</summary>
    private protected static string Trim(string text) => Tokenization.JavaScriptWhitespace.TrimEnd(Tokenization.JavaScriptWhitespace.TrimStart(text));
}

namespace HeteroAgents.Inference.Templates;

/// <summary>Renders a conversation into the exact prompt string a model's own chat template produces.</summary>
public interface IChatTemplate
{
    /// <summary>A short name, e.g. <c>qwen3</c> (also the value of <c>Hetero:Onnx:ChatTemplate</c> that selects it).</summary>
    string Name { get; }

    /// <summary>Special tokens that end an assistant turn (added to the stop tokens).</summary>
    IReadOnlyList<string> EndOfTurnTokens { get; }

    /// <summary>Renders the messages; with <paramref name="addGenerationPrompt"/>, ends with the assistant turn header.</summary>
    string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true);

    /// <summary>
    /// Renders the messages like <see cref="Render"/>, split into the template's own text and the messages' content, so
    /// that content spelling a special token (<c>&lt;|im_start|&gt;</c>) is never encoded as one (prompt injection).
    /// </summary>
    IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true);

    /// <summary>
    /// Renders the messages with the tools offered to the model, as the template's <c>tools</c> branch does (templates
    /// without one ignore <paramref name="tools"/>, as the Jinja template would).
    /// </summary>
    IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt = true);
}

using System.Text;

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
    {
        ArgumentNullException.ThrowIfNull(messages);
        var sb = new StringBuilder(_bosToken);
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
            sb.Append("<start_of_turn>").Append(role).Append('\n');
            if (i == start)
            {
                sb.Append(prefix);
            }

            sb.Append(messages[i].Content.Trim()).Append("<end_of_turn>\n");
        }

        if (addGenerationPrompt)
        {
            sb.Append("<start_of_turn>model\n");
        }

        return sb.ToString();
    }
}

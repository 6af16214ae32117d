namespace HeteroAgents.Inference.Templates;

/// <summary>Phi-3 / Phi-3.5: <c>&lt;|role|&gt;\ncontent&lt;|end|&gt;\n</c> per message; empty system messages are skipped.</summary>
public sealed class Phi3Template : IChatTemplate
{
    private readonly string _eosToken;

    /// <summary>Creates the template.</summary>
    /// <param name="eosToken">Appended when no generation prompt is requested (the template's <c>eos_token</c>).</param>
    public Phi3Template(string eosToken = "<|endoftext|>")
    {
        _eosToken = eosToken;
    }

    /// <inheritdoc/>
    public string Name => "phi3";

    /// <inheritdoc/>
    public IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|end|>", "<|endoftext|>"];

    /// <inheritdoc/>
    public string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, addGenerationPrompt));

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new PromptSegmentWriter();
        foreach (var m in messages)
        {
            if (m.Role is "user" or "assistant" || (m.Role == "system" && m.Content.Length > 0))
            {
                w.Template("<|" + m.Role + "|>\n").Content(m.Content).Template("<|end|>\n");
            }
        }

        w.Template(addGenerationPrompt ? "<|assistant|>\n" : _eosToken);
        return w.ToSegments();
    }
}

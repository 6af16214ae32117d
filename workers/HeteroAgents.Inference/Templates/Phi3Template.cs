namespace HeteroAgents.Inference.Templates;

/// <summary>Phi-3 / Phi-3.5: <c>&lt;|role|&gt;\ncontent&lt;|end|&gt;\n</c> per message; empty system messages are skipped; no tools.</summary>
public sealed class Phi3Template : ChatTemplateBase
{
    private readonly string _eosToken;

    /// <summary>Creates the template.</summary>
    /// <param name="eosToken">Appended when no generation prompt is requested (the template's <c>eos_token</c>).</param>
    public Phi3Template(string eosToken = "<|endoftext|>")
    {
        _eosToken = eosToken;
    }

    /// <inheritdoc/>
    public override string Name => "phi3";

    /// <inheritdoc/>
    public override IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|end|>", "<|endoftext|>"];

    private protected override void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt)
    {
        foreach (var m in messages)
        {
            if (m.Role is "user" or "assistant" || (m.Role == "system" && m.Content.Length > 0))
            {
                w.Template("<|" + m.Role + "|>\n").Content(m.Content).Template("<|end|>\n");
            }
        }

        w.Template(addGenerationPrompt ? "<|assistant|>\n" : _eosToken);
    }
}

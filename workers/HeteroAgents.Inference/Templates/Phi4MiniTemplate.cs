namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Phi-4-mini: <c>&lt;|role|&gt;content&lt;|end|&gt;</c> with no newlines; the tools, as one JSON list, go into the system
/// turn between <c>&lt;|tool|&gt;</c> and <c>&lt;|/tool|&gt;</c> (the template reads them from the system message).
/// </summary>
public sealed class Phi4MiniTemplate : ChatTemplateBase
{
    private readonly string _eosToken;

    /// <summary>Creates the template.</summary>
    /// <param name="eosToken">Appended when no generation prompt is requested.</param>
    public Phi4MiniTemplate(string eosToken = "<|endoftext|>")
    {
        _eosToken = eosToken;
    }

    /// <inheritdoc/>
    public override string Name => "phi4-mini";

    /// <inheritdoc/>
    public override IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|end|>", "<|endoftext|>"];

    private protected override void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt)
    {
        foreach (var m in messages)
        {
            w.Template("<|" + m.Role + "|>").Content(m.Content);
            if (m.Role == "system" && tools is not null)
            {
                w.Template("<|tool|>" + JinjaJson.Serialize("[" + string.Join(",", tools.Select(t => t.Json)) + "]") + "<|/tool|>");
            }

            w.Template("<|end|>");
        }

        w.Template(addGenerationPrompt ? "<|assistant|>" : _eosToken);
    }
}

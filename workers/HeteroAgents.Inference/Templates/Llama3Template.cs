using System.Globalization;

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Llama 3 headers: <c>&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt;\n\ncontent&lt;|eot_id|&gt;</c> with
/// trimmed content. The 3.1/3.2 variant always writes a system turn that starts with the knowledge cut-off and date lines.
/// </summary>
public sealed class Llama3Template : IChatTemplate
{
    private readonly string _bosToken;
    private readonly bool _dated;
    private readonly TimeProvider? _clock;

    /// <summary>Creates the template.</summary>
    /// <param name="bosToken">The BOS text (<c>&lt;|begin_of_text|&gt;</c>).</param>
    /// <param name="dated">The 3.1/3.2 variant with the "Cutting Knowledge Date" system header.</param>
    /// <param name="clock">When given, today's date (3.2's <c>strftime_now</c>); otherwise the template's fixed "26 Jul 2024".</param>
    public Llama3Template(string bosToken = "<|begin_of_text|>", bool dated = true, TimeProvider? clock = null)
    {
        _bosToken = bosToken;
        _dated = dated;
        _clock = clock;
    }

    /// <inheritdoc/>
    public string Name => _dated ? "llama3.1" : "llama3";

    /// <inheritdoc/>
    public IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|eot_id|>", "<|eom_id|>"];

    /// <inheritdoc/>
    public string Render(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
        => PromptSegmentWriter.Join(RenderSegments(messages, addGenerationPrompt));

    /// <inheritdoc/>
    public IReadOnlyList<PromptSegment> RenderSegments(IReadOnlyList<ChatTurn> messages, bool addGenerationPrompt = true)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var w = new PromptSegmentWriter().Template(_bosToken);
        var start = 0;
        if (_dated)
        {
            var system = messages.Count > 0 && messages[0].Role == "system" ? messages[0].Content.Trim() : string.Empty;
            start = messages.Count > 0 && messages[0].Role == "system" ? 1 : 0;
            var date = _clock is null ? "26 Jul 2024" : _clock.GetUtcNow().ToString("dd MMM yyyy", CultureInfo.InvariantCulture);
            w.Template("<|start_header_id|>system<|end_header_id|>\n\n" + "Cutting Knowledge Date: December 2023\n" + "Today Date: " + date + "\n\n")
             .Content(system).Template("<|eot_id|>");
        }

        for (var i = start; i < messages.Count; i++)
        {
            w.Template("<|start_header_id|>" + messages[i].Role + "<|end_header_id|>\n\n")
             .Content(messages[i].Content.Trim()).Template("<|eot_id|>");
        }

        if (addGenerationPrompt)
        {
            w.Template("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }

        return w.ToSegments();
    }
}

using System.Globalization;

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Llama 3 headers: <c>&lt;|start_header_id|&gt;role&lt;|end_header_id|&gt;\n\ncontent&lt;|eot_id|&gt;</c> with
/// trimmed content. The 3.1/3.2 variant always writes a system turn that starts with the knowledge cut-off and date lines;
/// with tools, "Environment: ipython" and the function list in the first user message (tools_in_user_message), a tool
/// call as <c>{"name": …, "parameters": …}</c> and tool results in <c>ipython</c> turns.
/// </summary>
public sealed class Llama3Template : ChatTemplateBase
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
    public override string Name => !_dated ? "llama3" : _clock is null ? "llama3.1" : "llama3.2";

    /// <inheritdoc/>
    public override IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|eot_id|>", "<|eom_id|>"];

    private protected override void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt)
    {
        w.Template(_bosToken);
        var start = 0;
        if (_dated)
        {
            var system = messages.Count > 0 && messages[0].Role == "system" ? Trim(messages[0].Content) : string.Empty;
            start = messages.Count > 0 && messages[0].Role == "system" ? 1 : 0;
            var date = _clock is null ? "26 Jul 2024" : _clock.GetUtcNow().ToString("dd MMM yyyy", CultureInfo.InvariantCulture);
            w.Template("<|start_header_id|>system<|end_header_id|>\n\n" + (tools is null ? string.Empty : "Environment: ipython\n") +
                       "Cutting Knowledge Date: December 2023\n" + "Today Date: " + date + "\n\n")
             .Content(system).Template("<|eot_id|>");
            if (tools is not null)
            {
                if (start >= messages.Count)
                {
                    throw new ArgumentException("Cannot put tools in the first user message when there's no first user message!", nameof(messages));
                }

                w.Template("<|start_header_id|>user<|end_header_id|>\n\n" +
                           "Given the following functions, please respond with a JSON for a function call with its proper arguments that best answers the given prompt.\n\n" +
                           "Respond in the format {\"name\": function name, \"parameters\": dictionary of argument name and its value}.Do not use variables.\n\n");
                foreach (var tool in tools)
                {
                    w.Template(JinjaJson.Serialize(tool.Json, indent: 4) + "\n\n");
                }

                w.Content(Trim(messages[start].Content)).Template("<|eot_id|>");
                start++;
            }
        }

        for (var i = start; i < messages.Count; i++)
        {
            var m = messages[i];
            if (m.ToolCalls is { } calls && _dated)
            {
                if (calls.Count != 1)
                {
                    throw new ArgumentException("This model only supports single tool-calls at once!", nameof(messages));
                }

                w.Template("<|start_header_id|>assistant<|end_header_id|>\n\n{\"name\": \"" + calls[0].Name + "\", \"parameters\": ")
                 .Content(JinjaJson.Serialize(calls[0].ArgumentsJson)).Template("}<|eot_id|>");
            }
            else if (m.Role is "tool" or "ipython" && _dated)
            {
                // A string "is iterable" in Jinja, so the template writes a tool result as a JSON string literal.
                w.Template("<|start_header_id|>ipython<|end_header_id|>\n\n").Content(JinjaJson.Quote(m.Content)).Template("<|eot_id|>");
            }
            else
            {
                w.Template("<|start_header_id|>" + m.Role + "<|end_header_id|>\n\n").Content(Trim(m.Content)).Template("<|eot_id|>");
            }
        }

        if (addGenerationPrompt)
        {
            w.Template("<|start_header_id|>assistant<|end_header_id|>\n\n");
        }
    }
}

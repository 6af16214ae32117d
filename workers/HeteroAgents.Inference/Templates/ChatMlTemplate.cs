namespace HeteroAgents.Inference.Templates;

/// <summary>
/// ChatML as used by SmolLM2, Qwen2.5 and Qwen3: <c>&lt;|im_start|&gt;role\ncontent&lt;|im_end|&gt;\n</c> per message, the
/// template's default system prompt when the conversation has none, and (Qwen) the tools branch. Qwen3 renders with
/// thinking switched off: the generation prompt ends with an empty <c>&lt;think&gt;</c> block, so the model answers
/// directly instead of spending the output budget on reasoning.
/// </summary>
public sealed class ChatMlTemplate : ChatTemplateBase
{
    private const string ToolsIntro = "# Tools\n\nYou may call one or more functions to assist with the user query.\n\nYou are provided with function signatures within <tools></tools> XML tags:\n<tools>";
    private const string ToolsOutro = "\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n";

    private readonly ChatMlTools _tools;

    /// <summary>Creates plain ChatML (tools ignored).</summary>
    /// <param name="defaultSystemPrompt">System text the model's template inserts when no system message is given (null: none).</param>
    public ChatMlTemplate(string? defaultSystemPrompt = null)
        : this("chatml", defaultSystemPrompt, ChatMlTools.None)
    {
    }

    /// <summary>Creates a ChatML template with a given tool style.</summary>
    public ChatMlTemplate(string name, string? defaultSystemPrompt, ChatMlTools tools)
    {
        Name = name;
        DefaultSystemPrompt = defaultSystemPrompt;
        _tools = tools;
    }

    /// <summary>The system text inserted when the conversation has none.</summary>
    public string? DefaultSystemPrompt { get; }

    /// <inheritdoc/>
    public override string Name { get; }

    /// <inheritdoc/>
    public override IReadOnlyList<string> EndOfTurnTokens { get; } = ["<|im_end|>"];

    private protected override void Write(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool addGenerationPrompt)
    {
        var firstIsSystem = messages.Count > 0 && messages[0].Role == "system";
        if (_tools == ChatMlTools.None)
        {
            if (DefaultSystemPrompt is not null && messages.Count > 0 && !firstIsSystem)
            {
                Turn(w, "system", DefaultSystemPrompt, template: true);
            }

            foreach (var m in messages)
            {
                Turn(w, m.Role, m.Content);
            }
        }
        else
        {
            WriteSystem(w, messages, tools, firstIsSystem);
            var lastQuery = LastQueryIndex(messages);
            for (var i = 0; i < messages.Count; i++)
            {
                var m = messages[i];
                if (m.Role == "user" || (m.Role == "system" && i > 0) || (m.Role == "assistant" && m.ToolCalls is not { Count: > 0 } && _tools != ChatMlTools.Qwen3))
                {
                    Turn(w, m.Role, m.Content);
                }
                else if (m.Role == "assistant")
                {
                    Assistant(w, m, i, i == messages.Count - 1, lastQuery);
                }
                else if (m.Role == "tool")
                {
                    if (i == 0 || messages[i - 1].Role != "tool")
                    {
                        w.Template("<|im_start|>user");
                    }

                    w.Template("\n<tool_response>\n").Content(m.Content).Template("\n</tool_response>");
                    if (i == messages.Count - 1 || messages[i + 1].Role != "tool")
                    {
                        w.Template("<|im_end|>\n");
                    }
                }
            }
        }

        if (addGenerationPrompt)
        {
            w.Template(_tools == ChatMlTools.Qwen3 ? "<|im_start|>assistant\n<think>\n\n</think>\n\n" : "<|im_start|>assistant\n");
        }
    }

    private static void Turn(PromptSegmentWriter w, string role, string content, bool template = false)
    {
        w.Template("<|im_start|>" + role + "\n");
        if (template)
        {
            w.Template(content);
        }
        else
        {
            w.Content(content);
        }

        w.Template("<|im_end|>\n");
    }

    private void WriteSystem(PromptSegmentWriter w, IReadOnlyList<ChatTurn> messages, IReadOnlyList<ChatToolDefinition>? tools, bool firstIsSystem)
    {
        if (tools is null)
        {
            if (firstIsSystem)
            {
                Turn(w, "system", messages[0].Content);
            }
            else if (DefaultSystemPrompt is not null && _tools != ChatMlTools.Qwen3)
            {
                Turn(w, "system", DefaultSystemPrompt, template: true);
            }

            return;
        }

        w.Template("<|im_start|>system\n");
        if (_tools == ChatMlTools.Qwen3)
        {
            if (firstIsSystem)
            {
                w.Content(messages[0].Content).Template("\n\n");
            }
        }
        else
        {
            if (firstIsSystem)
            {
                w.Content(messages[0].Content);
            }
            else
            {
                w.Template(DefaultSystemPrompt ?? string.Empty);
            }

            w.Template("\n\n");
        }

        w.Template(ToolsIntro);
        foreach (var tool in tools)
        {
            w.Template("\n" + JinjaJson.Serialize(tool.Json));
        }

        var example = "\"name\": <function-name>, \"arguments\": <args-json-object>";
        w.Template(ToolsOutro + (_tools == ChatMlTools.Qwen25DoubledBraces ? "{{" + example + "}}" : "{" + example + "}") + "\n</tool_call><|im_end|>\n");
    }

    private void Assistant(PromptSegmentWriter w, ChatTurn m, int index, bool last, int lastQuery)
    {
        var content = m.Content;
        if (_tools == ChatMlTools.Qwen3)
        {
            var reasoning = string.Empty;
            var close = content.IndexOf("</think>", StringComparison.Ordinal);
            if (close >= 0)
            {
                var parts = content.Split("</think>");
                reasoning = parts[0].TrimEnd('\n').Split("<think>")[^1].TrimStart('\n');
                content = parts[^1].TrimStart('\n');
            }

            if (index > lastQuery && (last || reasoning.Length > 0))
            {
                w.Template("<|im_start|>assistant\n<think>\n").Content(reasoning.Trim('\n')).Template("\n</think>\n\n").Content(content.TrimStart('\n'));
            }
            else
            {
                w.Template("<|im_start|>assistant\n").Content(content);
            }
        }
        else
        {
            w.Template("<|im_start|>assistant");
            if (content.Length > 0)
            {
                w.Template("\n").Content(content);
            }
        }

        var calls = m.ToolCalls ?? [];
        for (var k = 0; k < calls.Count; k++)
        {
            var separate = _tools != ChatMlTools.Qwen3 || k > 0 || content.Length > 0;
            w.Template((separate ? "\n" : string.Empty) + "<tool_call>\n{\"name\": \"" + calls[k].Name + "\", \"arguments\": ")
             .Content(JinjaJson.Serialize(calls[k].ArgumentsJson)).Template("}\n</tool_call>");
        }

        w.Template("<|im_end|>\n");
    }

    // Qwen3: the last user message that is not a wrapped tool response; turns after it keep their <think> block.
    private int LastQueryIndex(IReadOnlyList<ChatTurn> messages)
    {
        if (_tools != ChatMlTools.Qwen3)
        {
            return messages.Count - 1;
        }

        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var c = messages[i].Content;
            if (messages[i].Role == "user" && !(c.StartsWith("<tool_response>", StringComparison.Ordinal) && c.EndsWith("</tool_response>", StringComparison.Ordinal)))
            {
                return i;
            }
        }

        return messages.Count - 1;
    }
}

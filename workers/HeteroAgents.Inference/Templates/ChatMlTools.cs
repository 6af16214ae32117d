namespace HeteroAgents.Inference.Templates;

/// <summary>Which ChatML template's tool and assistant rules a <see cref="ChatMlTemplate"/> follows.</summary>
public enum ChatMlTools
{
    /// <summary>Plain ChatML (SmolLM2): every message as a turn, tools ignored.</summary>
    None,

    /// <summary>Qwen2.5-Instruct: tools in the system turn, &lt;tool_call&gt; blocks, tool results as user turns.</summary>
    Qwen25,

    /// <summary>Qwen2.5-Instruct as some exports ship it, with the tool-call example's braces doubled (<c>{{"name": …}}</c>).</summary>
    Qwen25DoubledBraces,

    /// <summary>Qwen3: as Qwen2.5 without a default system prompt, with &lt;think&gt; blocks on the turns after the last query.</summary>
    Qwen3,
}

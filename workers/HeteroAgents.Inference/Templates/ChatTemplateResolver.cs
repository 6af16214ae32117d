using System.Text.RegularExpressions;
using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Templates;

/// <summary>Picks the formatter matching a model's Jinja chat template (by its markers), else its family's default.</summary>
public static partial class ChatTemplateResolver
{
    /// <summary>Chooses the template for a model.</summary>
    public static IChatTemplate Resolve(ModelFamily family, TokenizerConfig tokenizerConfig, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizerConfig);
        var source = tokenizerConfig.ChatTemplate;
        if (source is not null)
        {
            if (source.Contains("<|im_start|>", StringComparison.Ordinal))
            {
                return new ChatMlTemplate(DefaultSystemPrompt(source));
            }

            if (source.Contains("<|start_header_id|>", StringComparison.Ordinal))
            {
                var dated = source.Contains("Cutting Knowledge Date", StringComparison.Ordinal);
                var usesClock = source.Contains("strftime_now", StringComparison.Ordinal);
                return new Llama3Template(tokenizerConfig.BosToken ?? "<|begin_of_text|>", dated, usesClock ? clock ?? TimeProvider.System : null);
            }

            if (source.Contains("<|user|>", StringComparison.Ordinal))
            {
                return new Phi3Template(tokenizerConfig.EosToken ?? "<|endoftext|>");
            }

            if (source.Contains("<start_of_turn>", StringComparison.Ordinal))
            {
                return new GemmaTemplate(tokenizerConfig.BosToken ?? "<bos>");
            }
        }

        return family switch
        {
            ModelFamily.Phi3 => new Phi3Template(tokenizerConfig.EosToken ?? "<|endoftext|>"),
            ModelFamily.Gemma => new GemmaTemplate(tokenizerConfig.BosToken ?? "<bos>"),
            _ => new ChatMlTemplate(),
        };
    }

    /// <summary>The literal system prompt a ChatML template inserts when none is given, unescaped, or null.</summary>
    internal static string? DefaultSystemPrompt(string template)
    {
        var m = DefaultSystem().Match(template);
        return m.Success ? m.Groups[1].Value.Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\'", "'", StringComparison.Ordinal) : null;
    }

    [GeneratedRegex(@"<\|im_start\|>system\\n([^'""+{}]*?)<\|im_end\|>")]
    private static partial Regex DefaultSystem();
}

using HeteroAgents.Inference.Models;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// Picks the formatter for a model: the one that reproduces its chat template exactly (<see cref="KnownChatTemplates"/>),
/// or the one named by configuration. A template the runtime does not know, or a model without one, is refused with a
/// message naming the model, never replaced by a guess.
/// </summary>
public static class ChatTemplateResolver
{
    /// <summary>Chooses the template for a model.</summary>
    /// <param name="tokenizerConfig">The model's tokenizer configuration (its chat template).</param>
    /// <param name="modelName">The model's name, for messages.</param>
    /// <param name="configured">A formatter name that overrides recognition (<c>Hetero:Onnx:ChatTemplate</c>), or null.</param>
    /// <param name="clock">Today's date for templates that print it (Llama 3.2).</param>
    /// <exception cref="ModelLoadException">The template is missing or unknown, or <paramref name="configured"/> names no formatter.</exception>
    public static IChatTemplate Resolve(TokenizerConfig tokenizerConfig, string modelName, string? configured = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(tokenizerConfig);
        var names = string.Join(", ", KnownChatTemplates.Names);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return KnownChatTemplates.Create(configured, tokenizerConfig, clock)
                ?? throw new ModelLoadException($"Model '{modelName}': Hetero:Onnx:ChatTemplate '{configured}' is not a chat template format (one of: {names}).");
        }

        var source = tokenizerConfig.ChatTemplate
            ?? throw new ModelLoadException($"Model '{modelName}' has no chat template (neither chat_template.jinja nor 'chat_template' in tokenizer_config.json); set Hetero:Onnx:ChatTemplate to one of {names} to choose its prompt format.");
        var name = KnownChatTemplates.Identify(source)
            ?? throw new ModelLoadException($"Model '{modelName}': its chat template ({tokenizerConfig.ChatTemplateSource ?? "tokenizer_config.json"}, SHA-256 {KnownChatTemplates.Fingerprint(source)[..16]}…) is not one this runtime reproduces exactly, so prompts could differ from the model's training format. Set Hetero:Onnx:ChatTemplate to one of {names} to use that format anyway.");
        return KnownChatTemplates.Create(name, tokenizerConfig, clock)!;
    }
}

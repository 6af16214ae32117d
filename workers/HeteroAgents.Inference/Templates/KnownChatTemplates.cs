using System.Security.Cryptography;
using System.Text;
using HeteroAgents.Inference.Tokenization;

namespace HeteroAgents.Inference.Templates;

/// <summary>
/// The published chat templates the runtime reproduces byte for byte (checked against <c>@huggingface/jinja</c> renders
/// in the tests), recognised by the SHA-256 of the template text (trailing whitespace removed), and the formatter names
/// that <c>Hetero:Onnx:ChatTemplate</c> accepts.
/// </summary>
public static class KnownChatTemplates
{
    /// <summary>SmolLM2-Instruct's default system prompt.</summary>
    public const string SmolLm2System = "You are a helpful AI assistant named SmolLM, trained by Hugging Face";

    /// <summary>Qwen2.5-Instruct's default system prompt.</summary>
    public const string Qwen25System = "You are Qwen, created by Alibaba Cloud. You are a helpful assistant.";

    private static readonly Dictionary<string, string> ByHash = new(StringComparer.Ordinal)
    {
        ["872be49dbb638044ad01b60388f48d469ff2980e5f0dccdc22ec907db54d0788"] = "smollm2",
        ["55b2f4a26ac9ee719330a61a0c39d9e538b0e9322212f048326318cff4f8674a"] = "qwen2.5",
        ["4e9918361c284a93880606d182d64da6a9fe97cdc1f5c5a78c1c8840444246fc"] = "qwen2.5-doubled-braces",
        ["87a2728cb8dc9fe424d624542f6060ec05a1d285ebbec578bb078900e33396b5"] = "qwen3",
        ["5da44855ab7e0641774d5ed0ff0b4f89671d01df7d316e54d06557a962211cb4"] = "qwen3",
        ["93c0e9aa3629bbd77e68dbc0f5621f6e6b23aa8d74b932595cdb8d64684526d7"] = "llama3.1",
        ["d82792f95932f1c9cef5c4bd992f171225e3bf8c7b609b4557c9e1ec96be819f"] = "llama3.2",
        ["78d976a442bcde2f0be15aafbb8e3050e1104f86732266f68403251b89982a90"] = "phi3",
        ["febf589225c9728ab791f52e8897d7607a823d45368f0a4c92fa68997b40cce9"] = "phi4-mini",
        ["8d9e3a3c114fb2053ec500184677af4f7e5f8ec2582443cd535834e68b3ade29"] = "gemma3",
    };

    /// <summary>The formatter names (values of <c>Hetero:Onnx:ChatTemplate</c>).</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["chatml", "smollm2", "qwen2.5", "qwen2.5-doubled-braces", "qwen3", "llama3.1", "llama3.2", "phi3", "phi4-mini", "gemma3"];

    /// <summary>The fingerprint of a template text: SHA-256 (hex) of its UTF-8 bytes with trailing whitespace removed.</summary>
    public static string Fingerprint(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(template.TrimEnd())));
    }

    /// <summary>The formatter name of a known template text, or null.</summary>
    public static string? Identify(string template) => ForFingerprint(Fingerprint(template));

    /// <summary>The formatter name of a known template fingerprint, or null.</summary>
    public static string? ForFingerprint(string sha256) => ByHash.GetValueOrDefault(sha256);

    /// <summary>Creates the formatter of a name from <see cref="Names"/>; null for an unknown name.</summary>
    public static IChatTemplate? Create(string name, TokenizerConfig config, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return name.ToLowerInvariant() switch
        {
            "chatml" => new ChatMlTemplate(),
            "smollm2" => new ChatMlTemplate("smollm2", SmolLm2System, ChatMlTools.None),
            "qwen2.5" => new ChatMlTemplate("qwen2.5", Qwen25System, ChatMlTools.Qwen25),
            "qwen2.5-doubled-braces" => new ChatMlTemplate("qwen2.5-doubled-braces", Qwen25System, ChatMlTools.Qwen25DoubledBraces),
            "qwen3" => new ChatMlTemplate("qwen3", null, ChatMlTools.Qwen3),
            "llama3.1" => new Llama3Template(config.BosToken ?? "<|begin_of_text|>", dated: true),
            "llama3.2" => new Llama3Template(config.BosToken ?? "<|begin_of_text|>", dated: true, clock ?? TimeProvider.System),
            "phi3" => new Phi3Template(config.EosToken ?? "<|endoftext|>"),
            "phi4-mini" => new Phi4MiniTemplate(config.EosToken ?? "<|endoftext|>"),
            "gemma3" => new GemmaTemplate(config.BosToken ?? "<bos>"),
            _ => null,
        };
    }
}

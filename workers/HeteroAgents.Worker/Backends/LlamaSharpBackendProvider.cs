using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Inference.LlamaSharp;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Provides the LLamaSharp backend (name <c>llamasharp</c>): the GGUF model of <see cref="SlmOptions.ModelPath"/> in
/// llama.cpp behind <see cref="LlamaSharpChatClient"/>, with the result schema enforced by the constrained-decoding
/// engine over the file's vocabulary (options <c>Hetero:Onnx:Decoding</c>, shared with the ONNX backend) and confidence
/// from llama.cpp's logits. <c>auto</c> picks it when the model path is a <c>.gguf</c> file or a folder of GGUF files.
/// </summary>
internal sealed class LlamaSharpBackendProvider(LlamaSharpModelHost host, IOptions<DecodingConstraintOptions> decoding, TimeProvider timeProvider) : IChatBackendProvider
{
    /// <summary>Configuration section of <see cref="LlamaSharpModelOptions"/>.</summary>
    public const string SectionName = "Hetero:LlamaSharp";

    public string Name => BackendNames.LlamaSharp;

    /// <summary>Whether <paramref name="path"/> is a GGUF model: a <c>.gguf</c> file, or a folder with GGUF files and no <c>config.json</c>.</summary>
    public static bool IsGguf(string? path)
        => !string.IsNullOrWhiteSpace(path) && (
            (File.Exists(path) && path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)) ||
            (Directory.Exists(path) && !File.Exists(Path.Combine(path, "config.json")) && Directory.EnumerateFiles(path, "*.gguf").Any()));

    public IChatClient Create(SlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            throw new InvalidOperationException("Hetero:Slm:ModelPath is required for the 'llamasharp' backend; pass --model <file.gguf> or set HETERO__SLM__MODELPATH.");
        }

        var model = host.Get(options.ModelPath);
        return new ContextWindowChatClient(new LlamaSharpChatClient(
            model,
            new DecodingJsonSchemaConstraintFactory(model.Vocabulary, decoding.Value),
            new OnnxChatClientOptions { DefaultMaxOutputTokens = options.MaxOutputTokens, DefaultTemperature = options.Temperature },
            timeProvider));
    }
}

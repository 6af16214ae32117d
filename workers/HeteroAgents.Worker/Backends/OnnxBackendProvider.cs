using HeteroAgents.Inference.Chat;
using HeteroAgents.Inference.Constraints;
using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Provides the in-process backend (name <c>onnx</c>): the model of <see cref="SlmOptions.ModelPath"/> on ONNX Runtime
/// behind <see cref="OnnxChatClient"/>, with the result schema enforced token by token by the constrained-decoding
/// engine (<see cref="DecodingJsonSchemaConstraintFactory"/>, options <c>Hetero:Onnx:Decoding</c>). The client reports
/// token log-probabilities, from which the worker's confidence check derives its figure; a prompt longer than the
/// model's context window escalates with <c>input_too_large</c>.
/// </summary>
internal sealed class OnnxBackendProvider(OnnxModelHost host, IOptions<DecodingConstraintOptions> decoding, TimeProvider timeProvider) : IChatBackendProvider
{
    /// <summary>Configuration section of the ONNX session options (<c>IntraOpThreads</c>, ...) and, under <c>:Decoding</c>, of the decoding options.</summary>
    public const string SectionName = "Hetero:Onnx";

    public string Name => BackendNames.Onnx;

    public IChatClient Create(SlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ModelPath))
        {
            throw new InvalidOperationException("Hetero:Slm:ModelPath is required for the 'onnx' backend; pass --model <dir> or set HETERO__SLM__MODELPATH.");
        }

        var model = host.Get(options.ModelPath);
        return new ContextWindowChatClient(new OnnxChatClient(
            model,
            DecodingJsonSchemaConstraintFactory.ForModel(model, decoding.Value),
            new OnnxChatClientOptions { DefaultMaxOutputTokens = options.MaxOutputTokens, DefaultTemperature = options.Temperature },
            timeProvider));
    }
}

using HeteroAgents.Inference.Generation;
using HeteroAgents.Inference.Onnx;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Inference.Chat;

/// <summary>
/// <see cref="IChatClient"/> over an in-process ONNX model (<see cref="TextGenerator"/>): see
/// <see cref="LanguageModelChatClient"/>. <c>GetService</c> also returns the <see cref="OnnxLanguageModel"/>.
/// </summary>
public sealed class OnnxChatClient : LanguageModelChatClient
{
    private readonly OnnxLanguageModel _model;

    /// <summary>Creates the client.</summary>
    public OnnxChatClient(OnnxLanguageModel model, IJsonSchemaConstraintFactory? schemaConstraints = null, OnnxChatClientOptions? options = null, TimeProvider? timeProvider = null)
        : base(new TextGenerator(model ?? throw new ArgumentNullException(nameof(model))), "onnxruntime", schemaConstraints, options, timeProvider)
    {
        _model = model;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(OnnxLanguageModel) ? _model : base.GetService(serviceType, serviceKey);
    }
}

using HeteroAgents.Inference.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Inference.LlamaSharp;

/// <summary>
/// The project's <see cref="IChatClient"/> on a GGUF model in llama.cpp (instead of LLamaSharp's own <c>AsChatClient</c>,
/// which ignores <c>ResponseFormat</c>, reports no usage, uses a generic prompt format and tokenizes user text with
/// special tokens on): the model's chat template, JSON-schema response formats enforced token by token by the
/// constrained-decoding engine, token usage, log-probability confidence and exact candidate scoring — see
/// <see cref="LanguageModelChatClient"/>. The model is not disposed with the client.
/// </summary>
public sealed class LlamaSharpChatClient : LanguageModelChatClient
{
    private readonly LlamaSharpModel _model;

    /// <summary>Creates the client.</summary>
    public LlamaSharpChatClient(LlamaSharpModel model, IJsonSchemaConstraintFactory? schemaConstraints = null, OnnxChatClientOptions? options = null, TimeProvider? timeProvider = null)
        : base((model ?? throw new ArgumentNullException(nameof(model))).Generator, "llama.cpp", schemaConstraints, options, timeProvider)
    {
        _model = model;
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType == typeof(LlamaSharpModel) ? _model : base.GetService(serviceType, serviceKey);
    }
}

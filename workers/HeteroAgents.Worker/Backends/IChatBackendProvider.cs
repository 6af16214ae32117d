using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>
/// Creates the raw chat client of one kind of model backend. <see cref="ChatBackendFactory"/> picks the provider
/// whose <see cref="Name"/> equals <c>Hetero:Slm:Backend</c> and wraps its client in the worker's middleware.
/// New backends (e.g. the in-process ONNX runtime) register a provider with <c>AddHeteroChatBackend</c>.
/// </summary>
public interface IChatBackendProvider
{
    /// <summary>The backend's name, matched case-insensitively against <c>Hetero:Slm:Backend</c>.</summary>
    string Name { get; }

    /// <summary>Creates the backend's chat client for the given options.</summary>
    IChatClient Create(SlmOptions options);
}

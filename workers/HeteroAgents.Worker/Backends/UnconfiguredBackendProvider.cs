using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>Provides <see cref="UnconfiguredChatClient"/> (backend name <c>unconfigured</c>).</summary>
internal sealed class UnconfiguredBackendProvider : IChatBackendProvider
{
    public string Name => BackendNames.Unconfigured;

    public IChatClient Create(SlmOptions options) => new UnconfiguredChatClient();
}

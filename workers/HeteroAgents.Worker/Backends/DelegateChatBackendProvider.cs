using HeteroAgents.Worker.Options;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Worker.Backends;

/// <summary>A backend provider defined by a factory delegate (what <c>AddHeteroChatBackend</c> registers).</summary>
internal sealed class DelegateChatBackendProvider(string name, IServiceProvider services, Func<IServiceProvider, SlmOptions, IChatClient> factory)
    : IChatBackendProvider
{
    public string Name { get; } = name;

    public IChatClient Create(SlmOptions options) => factory(services, options);
}

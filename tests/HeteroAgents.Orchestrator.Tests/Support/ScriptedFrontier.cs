using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>A <see cref="ScriptedChatClient"/> presented as a frontier model: it reports provider metadata with its model id, as real clients do.</summary>
public sealed class ScriptedFrontier(ScriptedChatClient script, string model) : DelegatingChatClient(script)
{
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) && serviceKey is null
            ? new ChatClientMetadata("scripted", null, model)
            : base.GetService(serviceType, serviceKey);
}

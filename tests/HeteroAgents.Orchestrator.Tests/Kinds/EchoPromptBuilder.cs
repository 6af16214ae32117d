using HeteroAgents.Worker.Prompts;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Orchestrator.Tests.Kinds;

/// <summary>The worker-layer part of the test-only <c>echo</c> kind: its prompt.</summary>
internal sealed class EchoPromptBuilder : IPromptBuilder<EchoTask>
{
    public IReadOnlyList<ChatMessage> Build(EchoTask task) =>
        [new(ChatRole.System, EchoKind.Instance.Instructions(task)), new(ChatRole.User, task.Input.Text)];
}

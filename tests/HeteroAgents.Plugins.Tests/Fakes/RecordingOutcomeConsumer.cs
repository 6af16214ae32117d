using System.Collections.Concurrent;
using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Plugins.Tests.Fakes;

/// <summary>A result recorder stand-in: keeps each TaskCompleted with the escalation read from its headers.</summary>
public sealed class RecordingOutcomeConsumer : IConsumer<TaskCompleted>
{
    public static ConcurrentDictionary<Guid, EscalationInfo?> Seen { get; } = new();

    public Task Consume(ConsumeContext<TaskCompleted> context)
    {
        FrontierEscalationHeaders.TryGetEscalation(context, resolved: true, out var escalation);
        Seen[context.Message.TaskId] = escalation;
        return Task.CompletedTask;
    }
}

using System.Collections.Concurrent;
using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Worker.Tests.Support;

/// <summary>Subscribes to every published outcome and records them by task id (what the orchestrator's result recorder does).</summary>
internal sealed class OutcomeCollector(OutcomeCollector.Store store) : IConsumer<TaskCompleted>, IConsumer<TaskEscalated>, IConsumer<TaskFailed>
{
    public Task Consume(ConsumeContext<TaskCompleted> context) => store.Add(context.Message);

    public Task Consume(ConsumeContext<TaskEscalated> context) => store.Add(context.Message);

    public Task Consume(ConsumeContext<TaskFailed> context) => store.Add(context.Message);

    /// <summary>The recorded outcomes; every delivery is kept, so duplicates would show.</summary>
    internal sealed class Store
    {
        public ConcurrentQueue<ITaskOutcome> All { get; } = new();

        public Task Add(ITaskOutcome outcome)
        {
            All.Enqueue(outcome);
            return Task.CompletedTask;
        }
    }
}

using HeteroAgents.Contracts;
using MassTransit;

namespace HeteroAgents.Plugins.Tests.Fakes;

/// <summary>A stand-in classify worker that answers every request with the outcome its <see cref="FakeClassifyWorkerScript"/> builds.</summary>
public sealed class FakeClassifyWorker(FakeClassifyWorkerScript script) : IConsumer<ClassifyTask>
{
    public Task Consume(ConsumeContext<ClassifyTask> context) => context.RespondAsync(script.Answer(context.Message));
}

using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins.Tests.Fakes;

/// <summary>What <see cref="FakeClassifyWorker"/> answers.</summary>
public sealed class FakeClassifyWorkerScript(Func<ClassifyTask, object> answer)
{
    public object Answer(ClassifyTask task) => answer(task);
}

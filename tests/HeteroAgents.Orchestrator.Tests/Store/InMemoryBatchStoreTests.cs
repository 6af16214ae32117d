using HeteroAgents.Orchestrator.Store;

namespace HeteroAgents.Orchestrator.Tests.Store;

public sealed class InMemoryBatchStoreTests : BatchStoreContractTests
{
    protected override IBatchStore Store { get; } = new InMemoryBatchStore();
}

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>The fault-injection tests share <see cref="FaultServices"/> and never run at the same time as each other.</summary>
[CollectionDefinition(FaultServices.Collection)]
public sealed class FaultCollection : ICollectionFixture<FaultServices>
{
}

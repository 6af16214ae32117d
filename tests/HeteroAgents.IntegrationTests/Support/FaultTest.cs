using Xunit.Abstractions;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>
/// What every fault test holds: the private broker and Redis of <see cref="FaultServices"/>, the test output, and a
/// temporary folder for the batch files, removed afterwards. Derived tests carry
/// <c>[Collection(FaultServices.Collection)]</c> themselves (xunit does not inherit it).
/// </summary>
public abstract class FaultTest : IAsyncLifetime
{
    /// <summary>Creates the test over the collection's services.</summary>
    protected FaultTest(FaultServices services, ITestOutputHelper output)
    {
        Services = services;
        Output = output;
    }

    /// <summary>The fault tests' own RabbitMQ node and redis-server.</summary>
    protected FaultServices Services { get; }

    /// <summary>Where figures and diagnostics are printed.</summary>
    protected ITestOutputHelper Output { get; }

    /// <summary>A temporary folder for this test's input and output files.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("hetero-fault-").FullName;

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }
}

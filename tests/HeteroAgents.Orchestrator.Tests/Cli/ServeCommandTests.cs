using HeteroAgents.Orchestrator.Cli;
using HeteroAgents.Orchestrator.Tests.Support;
using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Orchestrator.Tests.Cli;

/// <summary>`hetero serve` on the real broker (a throwaway virtual host) and Redis, stopped by cancellation.</summary>
public sealed class ServeCommandTests : IAsyncLifetime
{
    private RabbitMqTestVirtualHost _vhost = null!;

    public async Task InitializeAsync() => _vhost = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-cli-test");

    public Task DisposeAsync() => _vhost.DisposeAsync().AsTask();

    [Theory]
    [InlineData(null, "escalations stay escalated")]
    [InlineData("gpt-4o-mini", "resolving escalations with the frontier model")]
    public async Task Serve_says_whether_the_frontier_resolves_escalations_and_stops_cleanly(string? frontierModel, string expected)
    {
        var configuration = new Dictionary<string, string?>(_vhost.Configuration)
        {
            ["Hetero:Frontier:Model"] = frontierModel,
            ["Hetero:Frontier:Endpoint"] = frontierModel is null ? null : "http://127.0.0.1:1/v1/",
        };
        // Stop as soon as the service says it is up (like Ctrl+C), with a generous ceiling for a loaded machine.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var stdout = new StringWriter();
        using var stderr = new SignalingStringWriter("Ctrl+C to stop", stop);
        var context = new CliContext { Out = stdout, Error = stderr, Interactive = false, Configuration = configuration };

        var exit = await HeteroCli.RunAsync(["serve"], context, stop.Token);

        var error = stderr.ToString();
        Assert.True(exit == 0, error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.EndsWith("stopped", error.TrimEnd(), StringComparison.Ordinal);
    }
}

using HeteroAgents.Testing.Brokers;

namespace HeteroAgents.Plugins.Tests;

/// <summary>Acceptance over the real RabbitMQ broker: the same scenario as the in-memory test.</summary>
public sealed class HeteroAgentsPluginRabbitMqTests
{
    [Fact]
    public async Task Kernel_auto_function_calling_runs_subtasks_on_workers_over_RabbitMQ_and_frontier_resolves_the_escalation()
    {
        await using var broker = await RabbitMqTestVirtualHost.CreateAsync(RabbitMqTestSettings.FromEnvironment(), "hetero-plugins-test");
        var slm = SupportTicketScenario.Slm();
        var frontier = SupportTicketScenario.Frontier();
        await using var host = await PluginTestHost.StartAsync(slm, frontier, new Dictionary<string, string?>(broker.Settings.ToConfiguration()));

        var (answer, trace) = await SupportTicketScenario.RunAsync(host.Services, frontier);

        SupportTicketScenario.AssertOutcome(answer, trace, slm, frontier);
    }
}

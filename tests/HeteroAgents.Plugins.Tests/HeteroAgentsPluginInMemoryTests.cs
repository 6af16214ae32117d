namespace HeteroAgents.Plugins.Tests;

/// <summary>Acceptance: a real Kernel, the one-line import, SK's real auto function calling, real worker consumers on the in-memory transport.</summary>
public sealed class HeteroAgentsPluginInMemoryTests
{
    [Fact]
    public async Task Kernel_auto_function_calling_runs_subtasks_on_workers_and_frontier_resolves_the_escalation()
    {
        var slm = SupportTicketScenario.Slm();
        var frontier = SupportTicketScenario.Frontier();
        await using var host = await PluginTestHost.StartAsync(slm, frontier);

        var (answer, trace) = await SupportTicketScenario.RunAsync(host.Services, frontier);

        SupportTicketScenario.AssertOutcome(answer, trace, slm, frontier);
    }
}

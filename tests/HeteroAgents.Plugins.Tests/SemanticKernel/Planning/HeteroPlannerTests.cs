using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HeteroAgents.Plugins.Tests.SemanticKernel.Planning;

public sealed class HeteroPlannerTests
{
    [Fact]
    public async Task RunAsync_lets_the_frontier_plan_and_returns_the_answer_with_a_trace_of_every_subtask()
    {
        var slm = SupportTicketScenario.Slm();
        var frontier = SupportTicketScenario.Frontier();
        await using var host = await PluginTestHost.StartAsync(slm, frontier);
        var planner = host.Services.GetRequiredService<HeteroPlanner>();

        var run = await planner.RunAsync("Triage this support ticket.", SupportTicketScenario.Ticket);

        Assert.Equal("""intent={"label":"refund"} order={"order_id":"A-1234"}""", run.Answer);
        Assert.Equal(2, run.PlanningRequests);
        Assert.Equal(new TaskUsage(250, 30), run.PlanningUsage);
        Assert.Equal(2, run.Steps.Count);
        Assert.Equal(1, run.ServedBySlm);
        Assert.Equal(1, run.Escalated);
        Assert.Equal(new TaskUsage(250 + 40 + 40 + 80, 30 + 6 + 6 + 12), run.TotalUsage);
        Assert.All(run.Steps, s => Assert.True(s.Succeeded));
        Assert.All(run.Steps, s => Assert.Equal(0, s.Round));
        var extract = Assert.Single(run.Steps, s => s.Function == "hetero.extract");
        Assert.StartsWith("frontier:", extract.ServedBy, StringComparison.Ordinal);
        Assert.Contains("A-1234", extract.Arguments, StringComparison.Ordinal);

        // The frontier got the planner's instructions as the system message and the goal plus input as the user message.
        Assert.All(frontier.PlanningRequests, r => Assert.Equal("plan", r.Options!.AdditionalProperties![FlywheelPropertyKeys.TaskType]));
        var first = frontier.PlanningRequests.First().Messages;
        Assert.Equal(ChatRole.System, first[0].Role);
        Assert.Contains("hetero functions", first[0].Text, StringComparison.Ordinal);
        Assert.Equal(ChatRole.User, first[1].Role);
        Assert.Contains("Triage this support ticket.", first[1].Text, StringComparison.Ordinal);
        Assert.Contains("A-1234 on 3 May", first[1].Text, StringComparison.Ordinal);

        using var text = new StringWriter();
        PlanTraceWriter.Write(run, text);
        var printed = text.ToString();
        Assert.Contains("hetero.classify [slm:tiny-slm]", printed, StringComparison.Ordinal);
        Assert.Contains("hetero.extract [frontier:scripted-frontier escalated(semantic_invalid, resolved)]", printed, StringComparison.Ordinal);
        Assert.Contains("2 sub-tasks: 1 served by SLMs, 1 escalated", printed, StringComparison.Ordinal);
        Assert.EndsWith(run.Answer + Environment.NewLine, printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_subtask_is_reported_to_the_frontier_and_recorded_in_the_trace()
    {
        var slm = SupportTicketScenario.Slm();
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("not json") };
        frontier
            .ThenPlan((_, options) => ScriptedFrontierChatClient.CallFunctions(options,
                ("extract", new { text = SupportTicketScenario.Ticket, schema = SupportTicketScenario.OrderSchema })))
            .ThenPlan((messages, _) => ScriptedFrontierChatClient.Answer("could not extract: " + ScriptedFrontierChatClient.FunctionResults(messages).Values.Single()));
        await using var host = await PluginTestHost.StartAsync(slm, frontier);

        var run = await host.Services.GetRequiredService<HeteroPlanner>().RunAsync("Find the order id.", SupportTicketScenario.Ticket);

        var step = Assert.Single(run.Steps);
        Assert.False(step.Succeeded);
        Assert.Contains(nameof(FrontierResolutionException), step.Error, StringComparison.Ordinal);
        Assert.Contains("invalid_json", step.Error, StringComparison.Ordinal);
        Assert.NotNull(step.Escalation);
        Assert.False(step.Escalation!.Resolved);
        Assert.StartsWith("could not extract: ", run.Answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_without_a_frontier_fails_with_a_message_naming_the_setting()
    {
        await using var host = await PluginTestHost.StartAsync(SupportTicketScenario.Slm(), frontier: null);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => host.Services.GetRequiredService<HeteroPlanner>().RunAsync("Anything."));

        Assert.Contains("Hetero:Frontier:Model", ex.Message, StringComparison.Ordinal);
    }
}

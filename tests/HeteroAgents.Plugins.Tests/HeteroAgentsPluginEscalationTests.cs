using System.Text.Json;
using HeteroAgents.Contracts;
using HeteroAgents.Frontier;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Plugins.Tests.Fakes;
using HeteroAgents.Testing.Chat;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests;

/// <summary>What a direct plugin call ends with when the SLM escalates: frontier result, or a typed exception.</summary>
public sealed class HeteroAgentsPluginEscalationTests
{
    private static KernelArguments ExtractArguments() => new()
    {
        ["text"] = SupportTicketScenario.Ticket,
        ["schema"] = SupportTicketScenario.OrderSchema,
    };

    private static async Task<Exception> InvokeExtractAsync(ScriptedFrontierChatClient? frontier, IDictionary<string, string?>? settings = null)
    {
        await using var host = await PluginTestHost.StartAsync(SupportTicketScenario.Slm(), frontier, settings);
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);
        return await Record.ExceptionAsync(() => kernel.InvokeAsync("hetero", "extract", ExtractArguments())) ?? new InvalidOperationException("no exception");
    }

    [Fact]
    public async Task An_SLM_answer_is_returned_as_validated_JSON_served_by_the_worker()
    {
        await using var host = await PluginTestHost.StartAsync(SupportTicketScenario.Slm(), frontier: null);
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);

        var result = await kernel.InvokeAsync("hetero", "classify", new KernelArguments
        {
            ["text"] = SupportTicketScenario.Ticket,
            ["labels"] = SupportTicketScenario.Labels,
        });

        Assert.Equal("""{"label":"refund"}""", result.GetValue<JsonElement>().GetRawText());
    }

    [Fact]
    public async Task Without_a_frontier_an_escalation_surfaces_as_TaskEscalatedException_with_reason_and_detail()
    {
        var ex = Assert.IsType<TaskEscalatedException>(await InvokeExtractAsync(frontier: null));

        Assert.Equal(EscalationReason.SemanticInvalid, ex.Reason);
        Assert.Contains("Z-9999", ex.Detail, StringComparison.Ordinal);
        Assert.Equal(TaskType.Extract, ex.TaskType);
        Assert.Equal("slm:tiny-slm", ex.Escalation.ServedBy);
        Assert.Equal("""{"order_id":"Z-9999"}""", ex.Escalation.RawOutput);
    }

    [Fact]
    public async Task A_frontier_returning_invalid_JSON_fails_the_call_with_a_typed_exception()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("{\"order_id\": ") };

        var ex = Assert.IsType<FrontierResolutionException>(await InvokeExtractAsync(frontier));

        Assert.Equal(FrontierFailureKind.InvalidJson, ex.Kind);
        Assert.Equal(TaskType.Extract, ex.TaskType);
    }

    [Fact]
    public async Task A_frontier_that_times_out_fails_the_call_with_a_typed_exception()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, ct) => ScriptedFrontierChatClient.Hang(ct) };

        var ex = Assert.IsType<FrontierResolutionException>(await InvokeExtractAsync(frontier, new Dictionary<string, string?> { ["Hetero:Frontier:Timeout"] = "00:00:01" }));

        Assert.Equal(FrontierFailureKind.Timeout, ex.Kind);
    }

    [Fact]
    public async Task A_frontier_refusal_fails_the_call_with_a_typed_exception()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Refusal("I cannot process personal data.") };

        var ex = Assert.IsType<FrontierResolutionException>(await InvokeExtractAsync(frontier));

        Assert.Equal(FrontierFailureKind.Refusal, ex.Kind);
        Assert.Contains("personal data", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_typed_client_reports_who_served_each_result()
    {
        var frontier = new ScriptedFrontierChatClient { Resolve = (_, _, _) => ScriptedFrontierChatClient.Json("""{"order_id":"A-1234"}""") };
        await using var host = await PluginTestHost.StartAsync(SupportTicketScenario.Slm(), frontier);
        var client = (HeteroTaskClient)host.Services.GetService(typeof(HeteroTaskClient))!;
        var task = new ExtractTask(TaskIds.Create("sk-typed", "x1"), "sk-typed", "x1", new ExtractInput(SupportTicketScenario.Ticket, SupportTicketScenario.OrderSchema));

        var result = await client.SendAsync(task);

        Assert.True(result.ServedByFrontier);
        Assert.Equal("frontier:scripted-frontier", result.ServedBy);
        Assert.Equal(new EscalationInfo(EscalationReason.SemanticInvalid, result.Escalation!.Detail, Resolved: true), result.Escalation);
        Assert.Equal(new TaskUsage(40, 6), result.Usage);
        Assert.Equal(new TaskUsage(80, 12), result.FrontierUsage);
        Assert.Equal("A-1234", result.Result.GetProperty("order_id").GetString());
    }

    [Fact]
    public async Task A_cancelled_call_stops_waiting()
    {
        await using var host = await HarnessHost.StartAsync();
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kernel.InvokeAsync("hetero", "summarize",
            new KernelArguments { ["text"] = "Some text to summarize.", ["max_words"] = 5 }, cts.Token));
    }
}

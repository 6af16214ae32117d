using System.Text.Json;
using HeteroAgents.Plugins.SemanticKernel;
using HeteroAgents.Testing.Chat;
using Microsoft.SemanticKernel;

namespace HeteroAgents.Plugins.Tests;

/// <summary>call_tool and summarize through the real worker pipeline (in-memory transport).</summary>
public sealed class HeteroAgentsPluginToolAndSummaryTests
{
    private const string Tools = """
        [
          {"name":"track_order","description":"Where an order is.","parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}},
          {"name":"issue_refund","description":"Refunds a payment.","parameters":{"type":"object","properties":{"order_id":{"type":"string"},"amount":{"type":"number"}},"required":["order_id"]}}
        ]
        """;

    [Fact]
    public async Task Call_tool_and_summarize_return_the_workers_validated_results()
    {
        var slm = new ScriptedChatClient(request => ScriptedChatClient.CreateResponse(SupportTicketScenario.TaskTypeOf(request) switch
        {
            "tool_call" => """{"name":"issue_refund","arguments":{"order_id":"A-1234"}}""",
            "summarize" => """{"summary":"Customer charged twice for A-1234; wants one refund."}""",
            var other => throw new InvalidOperationException(other),
        }, confidence: 0.95));
        await using var host = await PluginTestHost.StartAsync(slm, frontier: null);
        var kernel = new Kernel();
        kernel.Plugins.AddHeteroAgents(host.Services);

        // Tools given as a JSON-encoded string, the way some models pass nested JSON.
        var call = await kernel.InvokeAsync("hetero", "call_tool", new KernelArguments
        {
            ["request"] = SupportTicketScenario.Ticket,
            ["tools"] = JsonSerializer.SerializeToElement(Tools),
        });
        var summary = await kernel.InvokeAsync("hetero", "summarize", new KernelArguments { ["text"] = SupportTicketScenario.Ticket, ["max_words"] = 12 });

        Assert.Equal("""{"name":"issue_refund","arguments":{"order_id":"A-1234"}}""", call.GetValue<JsonElement>().GetRawText());
        Assert.Equal("""{"summary":"Customer charged twice for A-1234; wants one refund."}""", summary.GetValue<JsonElement>().GetRawText());
        var toolPrompt = slm.Requests.Single(r => SupportTicketScenario.TaskTypeOf(r) == "tool_call");
        Assert.Contains("issue_refund", toolPrompt.Messages.Select(m => m.Text).Aggregate(string.Concat), StringComparison.Ordinal);
    }
}

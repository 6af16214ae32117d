using HeteroAgents.Flywheel;
using HeteroAgents.Frontier;
using HeteroAgents.Testing.Chat;
using Microsoft.Extensions.AI;

namespace HeteroAgents.Flywheel.Tests.Collect;

public sealed class CostAccountingChatClientTests
{
    private static readonly CostAccountingOptions Prices = new()
    {
        Prices = new(StringComparer.OrdinalIgnoreCase)
        {
            ["gpt-4o"] = new ModelPrice { InputPerMillion = 2.5m, OutputPerMillion = 10m },
            ["gpt-4o-mini"] = new ModelPrice { InputPerMillion = 0.15m, OutputPerMillion = 0.6m },
        },
    };

    [Fact]
    public async Task Calls_are_priced_by_the_longest_matching_model_id_and_totalled()
    {
        var ledger = new CostLedger();
        var answers = new Queue<ScriptedAnswer>([
            new("a", Model: "gpt-4o-mini-2024-07-18", InputTokens: 2_000_000, OutputTokens: 1_000_000),
            new("b", Model: "gpt-4o-2024-08-06", InputTokens: 1_000_000, OutputTokens: 0),
            new("c", Model: "claude-x", InputTokens: 10, OutputTokens: 10),
        ]);
        using var client = new ChatClientBuilder(ScriptedChatClient.FromAnswers(_ => answers.Dequeue())).UseCostAccounting(Prices, ledger).Build();

        var first = await client.GetResponseAsync("hi");
        await client.GetResponseAsync("hi");
        var third = await client.GetResponseAsync("hi");

        Assert.Equal(0.9m, first.AdditionalProperties![FlywheelPropertyKeys.CostUsd]);
        Assert.False(third.AdditionalProperties?.ContainsKey(FlywheelPropertyKeys.CostUsd) ?? false);
        Assert.Equal(0.9m + 2.5m, ledger.TotalCostUsd);
        var claude = ledger.Snapshot().Single(t => t.Model == "claude-x");
        Assert.Equal((1L, 1L, 0m), (claude.Calls, claude.UnpricedCalls, claude.CostUsd));
    }

    [Fact]
    public async Task Streaming_usage_is_priced_on_the_usage_update()
    {
        var ledger = new CostLedger();
        using var client = new ChatClientBuilder(ScriptedChatClient.FromAnswers(_ => new ScriptedAnswer("x y", Model: "gpt-4o", InputTokens: 1000, OutputTokens: 100)))
            .UseCostAccounting(Prices, ledger).Build();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var u in client.GetStreamingResponseAsync("hi"))
        {
            updates.Add(u);
        }

        Assert.Equal(0.0035m, updates.Last().AdditionalProperties![FlywheelPropertyKeys.CostUsd]);
        Assert.Equal(0.0035m, ledger.TotalCostUsd);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace HeteroAgents.IntegrationTests.Support;

/// <summary>Generates a deterministic mixed batch of support-ticket tasks (the four task types in turn).</summary>
internal static class SupportTicketBatch
{
    private static readonly string[] Intents = ["refund", "shipping", "account", "other"];
    private static readonly string[] Names = ["Ana", "Bo", "Chen", "Dara", "Eli", "Fay", "Gus", "Hana"];

    public static async Task<string> WriteAsync(string directory, int count)
    {
        var path = Path.Combine(directory, $"tickets-{count}.jsonl");
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            await writer.WriteLineAsync(Line(i).ToJsonString());
        }

        return path;
    }

    private static JsonObject Line(int i)
    {
        var name = Names[i % Names.Length];
        var order = (10_000 + (i * 37 % 90_000)).ToString(CultureInfo.InvariantCulture);
        var intent = Intents[i / 4 % Intents.Length];
        var (task, input) = (i % 4) switch
        {
            0 => ("classify", new JsonObject
            {
                ["text"] = $"Hi, {name} here. This is about {intent}: order {order} needs attention.",
                ["labels"] = new JsonArray([.. Intents.Select(l => (JsonNode)l)]),
            }),
            1 => ("extract", new JsonObject
            {
                ["text"] = i % 3 == 0
                    ? $"Customer {name} wrote in without any reference."
                    : $"Customer {name} (mail {name.ToLowerInvariant()}@example.com) asks about order id {order}.",
                ["schema"] = JsonNode.Parse("""{"type":"object","properties":{"order_id":{"type":"string"},"email":{"type":"string","format":"email"}},"required":["order_id"]}"""),
            }),
            2 => ("tool_call", new JsonObject
            {
                ["request"] = i % 8 == 2 ? $"please track_order {order}" : $"I need a refund_order for {order}",
                ["tools"] = JsonNode.Parse("""
                    [{"name":"track_order","description":"Where a parcel is","parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}},
                     {"name":"refund_order","description":"Refund an order","parameters":{"type":"object","properties":{"order_id":{"type":"string"},"amount":{"type":"number"}},"required":["order_id"]}},
                     {"name":"escalate_to_human","description":"Hand over","parameters":{"type":"object","properties":{}}}]
                    """),
            }),
            _ => ("summarize", new JsonObject
            {
                ["text"] = $"{name} reports that order {order} arrived two days late, the box was dented, and one item was missing. " +
                           "They ask for a replacement or a refund and want to know the return process.",
                ["max_words"] = 10 + (i % 20),
            }),
        };
        return new JsonObject { ["custom_id"] = $"ticket-{i:D5}", ["task"] = task, ["input"] = input };
    }
}

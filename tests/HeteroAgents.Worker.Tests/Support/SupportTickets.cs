using HeteroAgents.Testing.Tasks;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Tests.Support;

/// <summary>
/// One realistic task per type: a 3-label classify, an extract with the order schema of
/// <c>samples/support-tickets.jsonl</c>, a tool call among 2 tools, a summary.
/// </summary>
internal static class SupportTickets
{
    public static IReadOnlyList<ITaskMessage> Tasks(string prefix)
    {
        var schema = SampleExtractSchema();
        return
        [
            new ClassifyTask(TaskIds.Create(SampleTasks.BatchId, prefix + "c"), SampleTasks.BatchId, prefix + "c", new ClassifyInput("My parcel is two weeks late.", ["refund_request", "shipping_delay", "other"])),
            new ExtractTask(TaskIds.Create(SampleTasks.BatchId, prefix + "e"), SampleTasks.BatchId, prefix + "e", new ExtractInput("Tom Becker, order US-145372, 1 x espresso machine to Munich.", schema)),
            new ToolCallTask(TaskIds.Create(SampleTasks.BatchId, prefix + "t"), SampleTasks.BatchId, prefix + "t", new ToolCallInput("Where is order UK-754452?",
            [
                new ToolDefinition("lookup_order", "Look up an order.", SampleTasks.Json("""{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"}},"required":["order_id"],"additionalProperties":false}""")),
                new ToolDefinition("cancel_order", "Cancel an order.", SampleTasks.Json("""{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"},"reason":{"type":"string","enum":["wrong_item","other"]}},"required":["order_id","reason"],"additionalProperties":false}""")),
            ])),
            new SummarizeTask(TaskIds.Create(SampleTasks.BatchId, prefix + "s"), SampleTasks.BatchId, prefix + "s", new SummarizeInput("The kettle arrived broken; the customer wants a replacement.", 20)),
        ];
    }

    /// <summary>The extract schema of the first extract line of the sample batch.</summary>
    public static JsonElement SampleExtractSchema()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", "support-tickets.jsonl");
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (var line in File.ReadLines(path))
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.GetProperty("task").GetString() == "extract")
                {
                    return doc.RootElement.GetProperty("input").GetProperty("schema").Clone();
                }
            }
        }

        throw new FileNotFoundException($"samples/support-tickets.jsonl with an extract line not found above {AppContext.BaseDirectory}.");
    }
}

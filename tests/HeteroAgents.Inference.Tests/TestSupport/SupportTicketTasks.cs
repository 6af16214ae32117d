using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Inference.Tests.TestSupport;

/// <summary>
/// One realistic task of each type: a 3-label classify, an extract with the order schema of
/// <c>samples/support-tickets.jsonl</c>, a tool call among 2 tools, a summary.
/// </summary>
internal static class SupportTicketTasks
{
    private const string Batch = "onnx-int";

    public static IReadOnlyList<ITaskMessage> All { get; } = Create();

    /// <summary>The extract schema of the first extract line of the sample batch.</summary>
    public static JsonElement SampleExtractSchema()
    {
        foreach (var line in File.ReadLines(RepoFile("samples", "support-tickets.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            if (doc.RootElement.GetProperty("task").GetString() == "extract")
            {
                return doc.RootElement.GetProperty("input").GetProperty("schema").Clone();
            }
        }

        throw new InvalidOperationException("samples/support-tickets.jsonl has no extract line.");
    }

    public static ITaskMessage ByType(TaskType type) => All.Single(t => t.Type == type);

    /// <summary>A file of the repository, found by walking up from the test binaries.</summary>
    public static string RepoFile(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"{Path.Combine(parts)} not found above {AppContext.BaseDirectory}.");
    }

    private static List<ITaskMessage> Create()
    {
        static JsonElement Json(string text)
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }

        return
        [
            new ClassifyTask(TaskIds.Create(Batch, "c1"), Batch, "c1", new ClassifyInput("My parcel is two weeks late.", ["refund_request", "shipping_delay", "other"])),
            new ExtractTask(TaskIds.Create(Batch, "e1"), Batch, "e1", new ExtractInput("Tom Becker, order US-145372, 1 x espresso machine to Munich.", SampleExtractSchema())),
            new ToolCallTask(TaskIds.Create(Batch, "t1"), Batch, "t1", new ToolCallInput("Where is order UK-754452?",
            [
                new ToolDefinition("lookup_order", "Look up an order.", Json("""{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"}},"required":["order_id"],"additionalProperties":false}""")),
                new ToolDefinition("cancel_order", "Cancel an order.", Json("""{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"},"reason":{"type":"string","enum":["wrong_item","no_longer_needed","other"]}},"required":["order_id","reason"],"additionalProperties":false}""")),
            ])),
            new SummarizeTask(TaskIds.Create(Batch, "s1"), Batch, "s1", new SummarizeInput("The kettle arrived broken; the customer wants a replacement.", 20)),
        ];
    }
}

using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Tasks;

/// <summary>Well-formed sample tasks of each type, to vary one field at a time.</summary>
public static class SampleTasks
{
    public const string BatchId = "test-batch";

    public static ClassifyTask Classify(string text = "Where is my parcel? It has not arrived.", string customId = "c1", params string[] labels) =>
        new(TaskIds.Create(BatchId, customId), BatchId, customId, new ClassifyInput(text, labels.Length == 0 ? ["refund", "shipping", "other"] : labels));

    public static ExtractTask Extract(
        string text = "Order number: A-1234. Please ship to Jane Doe, email jane@example.com.",
        string schema = """{"type":"object","properties":{"order_number":{"type":"string"},"email":{"type":"string","format":"email"}},"required":["order_number"]}""",
        string customId = "e1") =>
        new(TaskIds.Create(BatchId, customId), BatchId, customId, new ExtractInput(text, Json(schema)));

    public static ToolCallTask ToolCall(string request = "Please cancel order 4711", string customId = "t1") =>
        new(TaskIds.Create(BatchId, customId), BatchId, customId, new ToolCallInput(request,
        [
            new ToolDefinition("track_order", "Tracks an order", Json("""{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}""")),
            new ToolDefinition("cancel_order", "Cancels an order", Json("""{"type":"object","properties":{"order_id":{"type":"string"},"notify":{"type":"boolean"}},"required":["order_id"]}""")),
        ]));

    public static SummarizeTask Summarize(string text = "The customer ordered a blue kettle on Monday. It arrived broken on Friday. They want a replacement, not a refund.", int maxWords = 10, string customId = "s1") =>
        new(TaskIds.Create(BatchId, customId), BatchId, customId, new SummarizeInput(text, maxWords));

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}

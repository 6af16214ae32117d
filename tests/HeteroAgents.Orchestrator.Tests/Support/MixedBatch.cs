using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Orchestrator.Tests.Support;

/// <summary>A small mixed batch file: valid tasks of every type plus one line of each bad-input kind.</summary>
internal static class MixedBatch
{
    /// <summary>The bad lines and the error code each must fail with (keyed by the custom_id its output line carries).</summary>
    public static IReadOnlyDictionary<string, string> ExpectedFailures { get; } = new Dictionary<string, string>
    {
        ["line:9"] = "malformed_json",
        ["line:10"] = "missing_custom_id",
        ["bad-task"] = "unknown_task",
        ["bad-labels"] = "invalid_input",
        ["bad-schema"] = "invalid_schema",
        ["too-long"] = "text_too_large",
    };

    public static async Task<string> WriteAsync(string directory)
    {
        var lines = new List<string>
        {
            Line("c1", "classify", new JsonObject { ["text"] = "Where is my parcel? The shipping is late.", ["labels"] = new JsonArray("refund", "shipping", "other") }),
            Line("c2", "classify", new JsonObject { ["text"] = "I want a refund for order 991.", ["labels"] = new JsonArray("refund", "shipping", "other") }),
            Line("e1", "extract", new JsonObject
            {
                ["text"] = "Order id: A-7781 placed by jane@example.com",
                ["schema"] = JsonNode.Parse("""{"type":"object","properties":{"order_id":{"type":"string"},"email":{"type":"string","format":"email"}},"required":["order_id"]}"""),
            }),
            Line("t1", "tool_call", new JsonObject
            {
                ["request"] = "Please track_order 5521 for me",
                ["tools"] = JsonNode.Parse("""[{"name":"track_order","description":"Track an order","parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}},{"name":"refund","description":"Refund","parameters":{"type":"object","properties":{"amount":{"type":"number"}}}}]"""),
            }),
            Line("s1", "summarize", new JsonObject { ["text"] = "The customer says the parcel arrived late and the box was damaged, and asks for a partial refund.", ["max_words"] = 15 }),
            Line("s2", "summarize", new JsonObject { ["text"] = "Short note about a delayed delivery." }),
            string.Empty,
            Line("c3", "classify", new JsonObject { ["text"] = "Other question", ["labels"] = new JsonArray("refund", "other") }),
            "{this is not json",
            """{"task":"classify","input":{"text":"x","labels":["a","b"]}}""",
            Line("bad-task", "translate", new JsonObject { ["text"] = "x" }),
            Line("bad-labels", "classify", new JsonObject { ["text"] = "x", ["labels"] = new JsonArray("only") }),
            Line("bad-schema", "extract", new JsonObject { ["text"] = "x", ["schema"] = JsonNode.Parse("""{"type":"object","properties":{"a":{"type":"strng"}}}""") }),
            Line("too-long", "summarize", new JsonObject { ["text"] = new string('w', 5_000) }),
            Line("c1", "classify", new JsonObject { ["text"] = "dup", ["labels"] = new JsonArray("a", "b") }),
        };
        var path = Path.Combine(directory, "mixed.jsonl");
        await File.WriteAllTextAsync(path, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
        return path;
    }

    /// <summary>Task lines (non-blank) in the file.</summary>
    public const int TaskLines = 14;

    private static string Line(string customId, string task, JsonObject input) =>
        new JsonObject { ["custom_id"] = customId, ["task"] = task, ["input"] = input }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}

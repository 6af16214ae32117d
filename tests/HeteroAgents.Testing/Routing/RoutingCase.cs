using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>One labelled task of the routing-quality batch: its input, the right answer, and what the simulated SLM answers.</summary>
/// <param name="CustomId">The batch line's id.</param>
/// <param name="Type">The task type.</param>
/// <param name="Input">The task input (the batch line's <c>input</c>).</param>
/// <param name="Expected">The right answer.</param>
/// <param name="Answer">What the simulated SLM answers.</param>
/// <param name="Behaviour">How it answers.</param>
/// <param name="UnsureKey">The answer's key written with low probability (<c>label</c>, <c>name</c>, <c>amount</c>, ...), if any.</param>
/// <param name="ValueProbability">The probability of the first token of each confident value.</param>
/// <param name="UnsureProbability">The probability of the first token of the unsure value.</param>
public sealed record RoutingCase(
    string CustomId,
    TaskType Type,
    JsonObject Input,
    JsonNode Expected,
    JsonNode Answer,
    SimulatedBehaviour Behaviour,
    string? UnsureKey,
    double ValueProbability,
    double UnsureProbability)
{
    internal static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The material the prompt carries: the text, or the tool call's request.</summary>
    public string Material => (string)Input[Type == TaskType.ToolCall ? "request" : "text"]!;

    /// <summary>Whether the simulated answer is the right one.</summary>
    public bool AnswerIsRight => JsonNode.DeepEquals(Expected, Answer);

    /// <summary>The case as a batch input line.</summary>
    public string BatchLine => new JsonObject
    {
        ["custom_id"] = CustomId,
        ["task"] = Type.ToWireName(),
        ["input"] = Input.DeepClone(),
    }.ToJsonString(Compact);
}

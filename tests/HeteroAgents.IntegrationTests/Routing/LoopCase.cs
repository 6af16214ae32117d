using System.Text.Json.Nodes;
using HeteroAgents.Contracts;
using HeteroAgents.Testing.OpenAi;
using HeteroAgents.Testing.Routing;

namespace HeteroAgents.IntegrationTests.Routing;

/// <summary>
/// One support ticket of the conversion-loop test, and how each simulated SLM answers it: <c>fake-slm-v1</c> right and
/// sure, right and unsure, or wrong and unsure (<see cref="V1"/>); <c>fake-slm-v2</c> (the "fine-tuned" one) right and
/// sure; <c>fake-slm-bad</c> wrong and sure. Not models: scripted answers with scripted token probabilities.
/// </summary>
internal sealed record LoopCase(string CustomId, string Workload, string Text, string Label, string WrongLabel, SimulatedBehaviour V1, double Probability)
{
    public static readonly string[] Labels = ["refund_request", "shipping_delay", "damaged_item", "cancel_order"];

    public string BatchLine => new JsonObject
    {
        ["custom_id"] = CustomId,
        ["task"] = "classify",
        ["workload"] = Workload,
        ["input"] = new JsonObject { ["text"] = Text, ["labels"] = new JsonArray([.. Labels.Select(l => (JsonNode)l)]) },
    }.ToJsonString();

    /// <summary>The answer of the simulated model <paramref name="model"/>.</summary>
    public FakeOpenAiCompletion Answer(string? model)
    {
        var (label, unsure, p) = model switch
        {
            "fake-slm-v2" => (Label, false, 0.93),
            "fake-slm-bad" => (WrongLabel, false, 0.95),
            _ => V1 switch
            {
                SimulatedBehaviour.RightUnsure => (Label, true, Probability),
                SimulatedBehaviour.WrongUnsure => (WrongLabel, true, Probability),
                _ => (Label, false, Probability),
            },
        };
        var routingCase = new RoutingCase(CustomId, TaskType.Classify, new JsonObject { ["text"] = Text }, new JsonObject { ["label"] = Label },
            new JsonObject { ["label"] = label }, V1, unsure ? "label" : null, p, p);
        return SimulatedSlm.Complete(routingCase);
    }

    /// <summary>
    /// A batch: <paramref name="tickets"/> tickets of workload <c>tickets</c> (v1: 50% right and sure at 0.9, 35% right
    /// but unsure at 0.5–0.65, 15% wrong and unsure at 0.2–0.35) and <paramref name="billing"/> of workload <c>billing</c>
    /// (v1 right and sure, a few unsure).
    /// </summary>
    public static IReadOnlyList<LoopCase> Batch(string prefix, int tickets, int billing, int seed)
    {
        var random = new Random(seed);
        var cases = new List<LoopCase>();
        for (var i = 0; i < tickets + billing; i++)
        {
            var workload = i < tickets ? "tickets" : "billing";
            var label = Labels[random.Next(Labels.Length)];
            var wrong = Labels.Where(l => l != label).ElementAt(random.Next(Labels.Length - 1));
            var roll = random.NextDouble();
            var (behaviour, p) = workload == "billing"
                ? (roll < 0.2 ? SimulatedBehaviour.RightUnsure : SimulatedBehaviour.RightConfident, roll < 0.2 ? 0.6 : 0.92)
                : roll < 0.5 ? (SimulatedBehaviour.RightConfident, 0.92)
                : roll < 0.85 ? (SimulatedBehaviour.RightUnsure, 0.5 + (0.15 * random.NextDouble()))
                : (SimulatedBehaviour.WrongUnsure, 0.2 + (0.15 * random.NextDouble()));
            var order = $"{prefix}-{i:0000}";
            var text = label switch
            {
                "refund_request" => $"I sent back order {order} two weeks ago and the money has not come back. Please refund me.",
                "shipping_delay" => $"Order {order} should have arrived last Monday and tracking has not moved. Where is it?",
                "damaged_item" => $"The lamp from order {order} arrived with a cracked shade and a bent base.",
                _ => $"Please cancel order {order}, I placed it by mistake this morning.",
            };
            cases.Add(new LoopCase(order, workload, text, label, wrong, behaviour, p));
        }

        return cases;
    }
}

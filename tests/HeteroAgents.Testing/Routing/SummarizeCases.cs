using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>
/// Summarize cases: a complaint of three kinds. Right summaries restate it in fewer words (mostly the source's words,
/// some paraphrase); hallucinated ones are unrelated, state facts the source does not (another order, name or number
/// of days), or invent half their content.
/// </summary>
internal static class SummarizeCases
{
    public static RoutingCase Create(string id, SimulatedBehaviour behaviour, CaseFacts f)
    {
        var kind = f.Pick([0, 1, 2]);
        var text = kind switch
        {
            0 => $"{f.Name} writes that order {f.Order} with a {f.Product} arrived {f.Days} days late and the box was dented. They would like a replacement sent to {f.City}, not a refund.",
            1 => $"Message from {f.Name}: I was charged twice for order {f.Order}, once on the day I ordered the {f.Product} and again {f.Days} days later. Please return the second payment to my card.",
            _ => $"Hi, {f.Name} from {f.City} here. The {f.Product} from order {f.Order} stopped working after {f.Days} days. I tried another socket and a reset, nothing helps. Can you repair or swap it?",
        };
        var right = (kind, f.Pick([0, 1, 2])) switch
        {
            (0, 0) => $"Order {f.Order}: {f.Product} arrived {f.Days} days late in a dented box; replacement to {f.City} wanted, not a refund.",
            (0, 1) => $"{f.Name}'s {f.Product} came {f.Days} days late with a dented box; they want a replacement sent to {f.City}.",
            (0, _) => $"Late delivery ({f.Days} days) and dented box for order {f.Order}; customer prefers a replacement to a refund.",
            (1, 0) => $"Order {f.Order} charged twice; customer wants the second payment returned to the card.",
            (1, 1) => $"{f.Name} was charged twice for the {f.Product} (order {f.Order}) and asks to return the second payment.",
            (1, _) => $"Double charge on order {f.Order}, second payment {f.Days} days later; refund of the duplicate to the card requested.",
            (_, 0) => $"{f.Product} from order {f.Order} stopped working after {f.Days} days; reset and another socket did not help; repair or swap wanted.",
            (_, 1) => $"{f.Name} in {f.City}: {f.Product} broke after {f.Days} days despite a reset, asks to repair or swap it.",
            _ => $"Order {f.Order}: the {f.Product} stopped working after {f.Days} days; customer asks for a repair or a swap.",
        };
        var answer = behaviour == SimulatedBehaviour.Hallucinated
            ? f.Pick([
                "The customer cannot log in because the password reset mail never arrives and wants the account unlocked.",
                $"Order {f.NewOrder()}: {f.Product} arrived {f.Days + 3} days late; {f.OtherName()} wants a refund.",
                $"{f.Product} arrived late; customer demands compensation for shipping costs, a discount voucher and free express delivery next time.",
            ])
            : right;
        return new RoutingCase(id, TaskType.Summarize, new JsonObject { ["text"] = text, ["max_words"] = 30 },
            new JsonObject { ["summary"] = right }, new JsonObject { ["summary"] = answer }, behaviour, null, f.Between(0.8, 0.995), 0);
    }
}

using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>Classify cases: support tickets of eight kinds, each with a unique order number.</summary>
internal static class ClassifyCases
{
    private static readonly string[] Labels = ["refund_request", "shipping_delay", "damaged_item", "cancel_order", "account_access", "billing_question", "product_question", "other"];

    public static RoutingCase Create(string id, SimulatedBehaviour behaviour, CaseFacts f)
    {
        var label = f.Pick(Labels);
        var text = label switch
        {
            "refund_request" => $"Hi, {f.Name} here. I returned the {f.Product} from order {f.Order} {f.Days} days ago and still have no money back. Please refund me.",
            "shipping_delay" => $"Order {f.Order} ({f.Product}) was due {f.Days} days ago and the tracking has not moved since. Where is my parcel? {f.Name}",
            "damaged_item" => $"The {f.Product} in order {f.Order} arrived with a cracked case and does not switch on. {f.Name}",
            "cancel_order" => $"Please cancel order {f.Order}; I ordered the {f.Product} by mistake. Thanks, {f.Name}",
            "account_access" => $"I cannot log in since yesterday and the password reset mail never arrives; order {f.Order} is stuck in my basket. {f.Name}",
            "billing_question" => $"Why was I charged twice for order {f.Order}? The {f.Product} shows up two times on my card statement. {f.Name}",
            "product_question" => $"Does the {f.Product} from order {f.Order} work with 110 V outlets? Asking before it ships. {f.Name}",
            _ => $"Just wanted to say thank you, the {f.Product} from order {f.Order} is great and the courier was friendly! {f.Name}",
        };
        var wrong = f.Pick(Labels.Where(l => l != label).ToList());
        var answer = behaviour is SimulatedBehaviour.WrongUnsure or SimulatedBehaviour.WrongConfident or SimulatedBehaviour.Hallucinated ? wrong : label;
        return new RoutingCase(id, TaskType.Classify,
            new JsonObject { ["text"] = text, ["labels"] = new JsonArray([.. Labels.Select(l => (JsonNode)l)]) },
            new JsonObject { ["label"] = label }, new JsonObject { ["label"] = answer }, behaviour,
            behaviour is SimulatedBehaviour.RightUnsure or SimulatedBehaviour.WrongUnsure ? "label" : null,
            f.Between(0.8, 0.995), f.Between(0.15, 0.55));
    }
}

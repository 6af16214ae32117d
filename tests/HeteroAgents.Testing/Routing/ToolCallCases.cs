using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>Tool-call cases: five support tools, requests that name an order (and for refunds an amount, for moves a city).</summary>
internal static class ToolCallCases
{
    private const string Tools = """
        [{"name":"lookup_order","description":"Look up the status and tracking of an order.","parameters":{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"}},"required":["order_id"],"additionalProperties":false}},
         {"name":"refund_order","description":"Refund an order, fully or in part.","parameters":{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"},"amount":{"type":"number"},"reason":{"type":"string","enum":["damaged","late","wrong_item","other"]}},"required":["order_id","amount","reason"],"additionalProperties":false}},
         {"name":"cancel_order","description":"Cancel an order that has not shipped.","parameters":{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"}},"required":["order_id"],"additionalProperties":false}},
         {"name":"update_address","description":"Send an order to another city.","parameters":{"type":"object","properties":{"order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"},"city":{"type":"string"}},"required":["order_id","city"],"additionalProperties":false}},
         {"name":"escalate_to_human","description":"Hand the conversation to a human agent.","parameters":{"type":"object","properties":{"summary":{"type":"string","maxLength":200,"x-hetero-free-text":true},"priority":{"type":"string","enum":["low","normal","high"]}},"required":["summary","priority"],"additionalProperties":false}}]
        """;

    public static RoutingCase Create(string id, SimulatedBehaviour behaviour, CaseFacts f)
    {
        // Hallucinations need a value to invent: they use the tools with an order id.
        var tool = behaviour == SimulatedBehaviour.Hallucinated
            ? f.Pick(["lookup_order", "refund_order", "cancel_order", "update_address"])
            : f.Pick(["lookup_order", "refund_order", "cancel_order", "update_address", "escalate_to_human"]);
        var (request, arguments) = tool switch
        {
            "lookup_order" => ($"Where is my order {f.Order}? It has been {f.Days} days.", new JsonObject { ["order_id"] = f.Order }),
            "refund_order" => ($"The {f.Product} in order {f.Order} arrived damaged, please refund the {f.Money(f.Amount)}.",
                new JsonObject { ["order_id"] = f.Order, ["amount"] = (double)f.Amount, ["reason"] = "damaged" }),
            "cancel_order" => ($"Cancel order {f.Order} please, I found the {f.Product} cheaper elsewhere.", new JsonObject { ["order_id"] = f.Order }),
            "update_address" => ($"I moved to {f.City}; can you send order {f.Order} there instead?", new JsonObject { ["order_id"] = f.Order, ["city"] = f.City }),
            _ => ($"I have asked three times about order {f.Order} and nobody helps. I want to talk to a person now!",
                new JsonObject { ["summary"] = $"Customer asked three times about {f.Order} and wants a person.", ["priority"] = "high" }),
        };
        var expected = new JsonObject { ["name"] = tool, ["arguments"] = arguments };
        var answer = (JsonObject)expected.DeepClone();
        if (behaviour is SimulatedBehaviour.WrongUnsure or SimulatedBehaviour.WrongConfident)
        {
            // The wrong tool, with arguments the request does contain.
            answer = tool is "lookup_order"
                ? new JsonObject { ["name"] = "cancel_order", ["arguments"] = new JsonObject { ["order_id"] = f.Order } }
                : new JsonObject { ["name"] = "lookup_order", ["arguments"] = new JsonObject { ["order_id"] = f.Order } };
        }
        else if (behaviour == SimulatedBehaviour.Hallucinated)
        {
            var args = (JsonObject)answer["arguments"]!;
            if (tool == "refund_order" && f.Pick([true, false]))
            {
                args["amount"] = (double)(f.Amount + 15);
            }
            else
            {
                args["order_id"] = f.NewOrder();
            }
        }

        return new RoutingCase(id, TaskType.ToolCall, new JsonObject { ["request"] = request, ["tools"] = JsonNode.Parse(Tools) },
            expected, answer, behaviour, behaviour is SimulatedBehaviour.RightUnsure or SimulatedBehaviour.WrongUnsure ? "name" : null,
            f.Between(0.8, 0.995), f.Between(0.15, 0.55));
    }
}

using System.Text.Json.Nodes;
using HeteroAgents.Contracts;

namespace HeteroAgents.Testing.Routing;

/// <summary>
/// Extract cases: an order message with a name, order number, quantity, amount (in one of four money formats), order
/// date (in one of four date formats), city, and the shipping cost as a distracting second amount. The right answer
/// normalizes: the amount as a number, the date as ISO 8601.
/// </summary>
internal static class ExtractCases
{
    private const string Schema = """
        {"type":"object","properties":{
          "order_id":{"type":"string","pattern":"^[A-Z]{2}-[0-9]{6}$"},
          "customer_name":{"type":"string"},
          "quantity":{"type":"integer","minimum":1},
          "amount":{"type":"number"},
          "order_date":{"type":"string","format":"date"},
          "city":{"type":"string"}},
         "required":["order_id","customer_name","quantity","amount","order_date","city"],"additionalProperties":false}
        """;

    public static RoutingCase Create(string id, SimulatedBehaviour behaviour, CaseFacts f)
    {
        var text = f.Pick<Func<string>>([
            () => $"Hello, this is {f.Name}. On {f.DateText()} I ordered {f.Quantity} x {f.Product} (order {f.Order}) for {f.Money(f.Amount)}, to be delivered to {f.City}. Shipping was {f.Money(f.Shipping)}.",
            () => $"Order {f.Order} placed {f.DateText()} by {f.Name}: {f.Quantity} x {f.Product}, total {f.Money(f.Amount)} plus {f.Money(f.Shipping)} shipping. Deliver to {f.City}.",
            () => $"{f.Name} ({f.City}) asks about order {f.Order} from {f.DateText()}: {f.Quantity} units of {f.Product}, charged {f.Money(f.Amount)}; the {f.Money(f.Shipping)} delivery fee was also charged.",
        ])();
        var expected = new JsonObject
        {
            ["order_id"] = f.Order,
            ["customer_name"] = f.Name,
            ["quantity"] = f.Quantity,
            ["amount"] = (double)f.Amount,
            ["order_date"] = f.IsoDate,
            ["city"] = f.City,
        };
        var answer = (JsonObject)expected.DeepClone();
        string? unsure = null;
        switch (behaviour)
        {
            case SimulatedBehaviour.RightUnsure:
                unsure = f.Pick(["order_id", "customer_name", "quantity", "amount", "order_date", "city"]);
                break;
            case SimulatedBehaviour.WrongUnsure:
                // A wrong value that the source does contain: only the confidence can tell.
                unsure = f.Pick(["amount", "customer_name"]);
                answer[unsure] = unsure == "amount" ? (double)f.Shipping : f.FirstName;
                break;
            case SimulatedBehaviour.WrongConfident:
                answer["amount"] = (double)f.Shipping;
                break;
            case SimulatedBehaviour.Hallucinated:
                var field = f.Pick(["order_id", "customer_name", "amount", "order_date", "city"]);
                answer[field] = field switch
                {
                    "order_id" => f.NewOrder(),
                    "customer_name" => f.OtherName(),
                    "amount" => (double)(f.Amount + 10),
                    "order_date" => f.Date.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    _ => f.OtherCity(),
                };
                break;
        }

        return new RoutingCase(id, TaskType.Extract, new JsonObject { ["text"] = text, ["schema"] = JsonNode.Parse(Schema) },
            expected, answer, behaviour, unsure, f.Between(0.8, 0.995), f.Between(0.15, 0.55));
    }
}

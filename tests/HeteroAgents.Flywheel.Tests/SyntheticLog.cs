using System.Globalization;
using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Flywheel.Tests;

/// <summary>Builds synthetic frontier call records with planted workloads (deterministic for a seed).</summary>
internal sealed class SyntheticLog(int seed)
{
    private readonly int _seed = seed;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly Random _random = new(seed);
    private int _counter;

    public static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public string Pick(params string[] options) => options[_random.Next(options.Length)];

    public int Next(int min, int max) => _random.Next(min, max);

    public double NextDouble() => _random.NextDouble();

    public FrontierCallRecord Record(
        string? taskType, JsonElement? schema, string system, string user, string? output,
        string? workload = null, EscalationReason? escalation = null, FrontierCallStatus status = FrontierCallStatus.Ok,
        long latencyMs = 800, long inputTokens = 300, long outputTokens = 20, decimal? cost = 0.0001m)
    {
        var n = Interlocked.Increment(ref _counter);
        var at = Start.AddMinutes(n);
        return new FrontierCallRecord(
            string.Create(CultureInfo.InvariantCulture, $"rec-{_seed}-{n:D6}"),
            at, taskType, workload, null, "gpt-4o-mini",
            [new LoggedMessage("system", system), new LoggedMessage("user", user)],
            schema, output, status, status == FrontierCallStatus.Failed ? "TimeoutException: no answer" : null,
            escalation, latencyMs, inputTokens, outputTokens, cost, null, false);
    }

    public static readonly string[] Products = ["blender", "headphones", "office chair", "coffee grinder", "phone case", "desk lamp", "backpack", "kettle", "keyboard", "monitor arm"];
    public static readonly string[] Praise = ["works great", "exceeded my expectations", "feels solid and well made", "arrived quickly and works as described", "is the best purchase this year"];
    public static readonly string[] Complaints = ["broke after two days", "stopped working within a week", "is much smaller than pictured", "arrived scratched and dented", "makes a loud rattling noise"];
    public static readonly string[] Topics = ["central bank", "city council", "football club", "tech startup", "weather service", "parliament", "university", "airline", "hospital", "film festival"];
    public static readonly string[] Events = ["announces record profits", "faces criticism over delays", "cuts hundreds of jobs", "wins national award", "postpones annual meeting", "unveils new strategy"];
    public static readonly string[] Vendors = ["Acme Supplies", "Northwind Traders", "Globex GmbH", "Initech Ltd", "Umbrella Logistics"];

    /// <summary>Sentiment of product reviews: classify, labels positive/negative/neutral.</summary>
    public FrontierCallRecord ReviewSentiment(EscalationReason? escalation = null)
    {
        var positive = _random.Next(2) == 0;
        var text = $"Customer review: I bought the {Pick(Products)} last month and it {(positive ? Pick(Praise) : Pick(Complaints))}. I would {(positive ? "" : "not ")}recommend it to friends. Stars: {_random.Next(1, 6)}";
        return Record("classify", Schema(SentimentSchema), ReviewSystem, text, $"{{\"label\":\"{(positive ? "positive" : "negative")}\"}}", "reviews", escalation);
    }

    /// <summary>Sentiment of news headlines: same schema as reviews, different prompts.</summary>
    public FrontierCallRecord HeadlineSentiment()
    {
        var text = $"Headline: {Pick(Topics)} {Pick(Events)} as {Pick(Topics)} reacts; analysts expect further news on {Pick("Monday", "Tuesday", "Friday")}";
        return Record("classify", Schema(SentimentSchema), HeadlineSystem, text, "{\"label\":\"neutral\"}", "news");
    }

    /// <summary>Support ticket routing: classify with another label set.</summary>
    public FrontierCallRecord TicketRouting()
    {
        var text = $"Ticket #{_random.Next(10000, 99999)}: my {Pick(Products)} {Pick(Complaints)} and I want {Pick("a refund", "to know where my parcel is", "to change my address")}. Order placed on {Pick("Monday", "Sunday")}";
        return Record("classify", Schema("{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\",\"enum\":[\"refund\",\"shipping\",\"other\"]}},\"required\":[\"label\"],\"additionalProperties\":false}"),
            "Route the support ticket to exactly one queue: refund, shipping or other. Answer with the queue label only.", text, "{\"label\":\"refund\"}", "support");
    }

    /// <summary>Invoice extraction; the schema's keys appear in varying order (one fingerprint regardless).</summary>
    public FrontierCallRecord InvoiceExtract()
    {
        var schema = _random.Next(2) == 0
            ? "{\"type\":\"object\",\"properties\":{\"vendor\":{\"type\":\"string\"},\"total\":{\"type\":\"number\"},\"date\":{\"type\":\"string\"}},\"required\":[\"vendor\",\"total\",\"date\"]}"
            : "{\"required\":[\"vendor\",\"total\",\"date\"],\"properties\":{\"date\":{\"type\":\"string\"},\"vendor\":{\"type\":\"string\"},\"total\":{\"type\":\"number\"}},\"type\":\"object\"}";
        var vendor = Pick(Vendors);
        var total = _random.Next(20, 5000);
        var text = $"INVOICE from {vendor}. Date 2026-{_random.Next(1, 13):00}-{_random.Next(1, 28):00}. Items: {_random.Next(1, 9)} x {Pick(Products)}. Total due {total}.00 EUR, payable within 30 days.";
        return Record("extract", Schema(schema), "Extract the vendor, the invoice date and the total amount from the invoice text. Use only values that appear in the text.", text,
            $"{{\"vendor\":\"{vendor}\",\"total\":{total},\"date\":\"2026-01-01\"}}", "invoices");
    }

    /// <summary>Meeting summaries: summarize task.</summary>
    public FrontierCallRecord MeetingSummary()
    {
        var text = $"Meeting notes: the team discussed the {Pick(Products)} launch, the budget for {Pick(Topics)} outreach and hiring. Decisions: ship on {Pick("Monday", "Friday")}, hire {_random.Next(1, 5)} engineers. Action items were assigned to {Pick(Vendors)} liaison.";
        return Record("summarize", Schema("{\"type\":\"object\",\"properties\":{\"summary\":{\"type\":\"string\"}},\"required\":[\"summary\"],\"additionalProperties\":false}"),
            "Summarize the meeting notes in at most 40 words, keeping decisions and owners.", text, "{\"summary\":\"Team agreed the launch date and hiring plan.\"}", "meetings");
    }

    public const string SentimentSchema = "{\"type\":\"object\",\"properties\":{\"label\":{\"type\":\"string\",\"enum\":[\"positive\",\"negative\",\"neutral\"]}},\"required\":[\"label\"],\"additionalProperties\":false}";
    public const string ReviewSystem = "You are a sentiment classifier for customer product reviews from our online shop. Read the review and answer with the sentiment label that best describes the customer's opinion of the product.";
    public const string HeadlineSystem = "Classify the tone of a news headline for the media monitoring dashboard. Choose the sentiment label for how the headline reports on the organisation it names.";
}

using System.Globalization;
using System.Text;

namespace HeteroAgents.Benchmarks.Fleet;

/// <summary>Writes a mixed batch (the four task types in turn) for the fleet benchmark.</summary>
internal static class BenchBatchFile
{
    public static async Task<string> WriteAsync(string directory, string name, int count, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var i = 0; i < count; i++)
        {
            var id = i.ToString("D7", CultureInfo.InvariantCulture);
            var line = (i % 4) switch
            {
                0 => """{"custom_id":"@ID","task":"classify","input":{"text":"Where is parcel @ID? It is late.","labels":["refund","shipping","other"]}}""",
                1 => """{"custom_id":"@ID","task":"extract","input":{"text":"Order @ID for Ana.","schema":{"type":"object","properties":{"order_id":{"type":"string"},"name":{"type":"string"}}}}}""",
                2 => """{"custom_id":"@ID","task":"tool_call","input":{"request":"track order @ID","tools":[{"name":"track_order","description":"Track","parameters":{"type":"object","properties":{"order_id":{"type":"string"}},"required":["order_id"]}},{"name":"refund","description":"Refund","parameters":{"type":"object","properties":{}}}]}}""",
                _ => """{"custom_id":"@ID","task":"summarize","input":{"text":"Parcel @ID arrived late and damaged; the customer wants a refund.","max_words":12}}""",
            };
            line = line.Replace("@ID", id, StringComparison.Ordinal);
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        return path;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace HeteroAgents.Flywheel;

/// <summary>Applies a <see cref="PiiScrubber"/> to every text field of a <see cref="FrontierCallRecord"/>.</summary>
public static class RecordScrubber
{
    /// <summary>
    /// Returns <paramref name="record"/> with personal data replaced in every message, the output, the error, and the
    /// string values of the response schema (not its property names); for escalation records also in the SLM output, the
    /// escalation detail and the string values of the task input. <paramref name="counts"/> gets what was replaced.
    /// </summary>
    public static FrontierCallRecord Scrub(FrontierCallRecord record, PiiScrubber scrubber, IDictionary<PiiType, long>? counts = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(scrubber);
        string? Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text;
            }

            var scrubbed = scrubber.Scrub(text, out var findings);
            if (counts is not null)
            {
                foreach (var f in findings)
                {
                    counts[f.Type] = counts.TryGetValue(f.Type, out var n) ? n + 1 : 1;
                }
            }

            return scrubbed;
        }

        return record with
        {
            Messages = [.. record.Messages.Select(m => m with { Content = Clean(m.Content) ?? "" })],
            Output = Clean(record.Output),
            Error = Clean(record.Error),
            ResponseSchema = CleanJson(record.ResponseSchema, Clean),
            Input = CleanJson(record.Input, Clean),
            SlmOutput = Clean(record.SlmOutput),
            EscalationDetail = Clean(record.EscalationDetail),
        };
    }

    private static JsonElement? CleanJson(JsonElement? value, Func<string?, string?> clean)
    {
        if (value is not { } v || v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return value;
        }

        return JsonSerializer.SerializeToElement(ScrubNode(JsonNode.Parse(v.GetRawText()), clean));
    }

    private static JsonNode? ScrubNode(JsonNode? node, Func<string?, string?> clean)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    obj[key] = ScrubNode(obj[key], clean);
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = ScrubNode(array[i], clean);
                }

                return array;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(clean(value.GetValue<string>()));
            default:
                return node?.DeepClone();
        }
    }
}

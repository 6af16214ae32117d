using System.Globalization;
using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Reads a <see cref="RoutingPolicy"/> document and rejects anything it does not understand, naming the key at fault:
/// invalid JSON (line and position), a missing or empty <c>version</c>, an unknown top-level key, an unknown task type
/// (<c>defaults.classfy</c>), an unknown setting, a threshold or share outside [0, 1], an <c>unknown_confidence</c>
/// other than <c>escalate</c>/<c>complete</c>, an empty workload id. Comments are allowed; keys starting with <c>x-</c>
/// and <c>description</c> (at the top and in a workload) are ignored, for notes and for the tools that write policies.
/// </summary>
public static class RoutingPolicyReader
{
    /// <summary>The key of the completion threshold.</summary>
    public const string MinConfidence = "min_confidence";

    /// <summary>The key of the action on an unknown confidence.</summary>
    public const string UnknownConfidence = "unknown_confidence";

    /// <summary>The key of the audited share.</summary>
    public const string AuditShare = "audit_share";

    /// <summary>The key of the SLM model that answers the tasks.</summary>
    public const string Model = "model";

    /// <summary>The key of the number of in-context examples.</summary>
    public const string Examples = "examples";

    private const string TaskTypeNames = "classify, extract, tool_call, summarize";

    /// <summary>Reads <paramref name="json"/>; throws <see cref="RoutingPolicyException"/> naming the key or line at fault.</summary>
    public static RoutingPolicy Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new RoutingPolicyException(string.Create(CultureInfo.InvariantCulture,
                $"line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}: not valid JSON ({FirstSentence(ex.Message)})"), ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("(document)", $"must be a JSON object with version, defaults and workloads; got {JsonValues.Kind(root)}");
            }

            string? version = null;
            IReadOnlyDictionary<TaskType, RoutingRule>? defaults = null;
            var workloads = new Dictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>>(StringComparer.Ordinal);
            foreach (var property in root.EnumerateObject())
            {
                switch (property.Name)
                {
                    case "version":
                        version = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()!.Trim() : null;
                        if (string.IsNullOrEmpty(version))
                        {
                            throw Fail("version", $"must be a non-empty string; got {JsonValues.Describe(property.Value)}");
                        }

                        break;
                    case "defaults":
                        defaults = ReadRules(property.Value, "defaults");
                        break;
                    case "workloads":
                        ReadWorkloads(property.Value, workloads);
                        break;
                    default:
                        if (!IsNote(property.Name))
                        {
                            throw Fail(property.Name, "unknown key (known: version, defaults, workloads; notes go in description or x-* keys)");
                        }

                        break;
                }
            }

            return version is null
                ? throw Fail("version", "is missing: every policy names its version, which outcomes echo as policy_version")
                : new RoutingPolicy(version, defaults, workloads);
        }
    }

    private static void ReadWorkloads(JsonElement value, Dictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>> into)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail("workloads", $"must be an object of workload ids; got {JsonValues.Kind(value)}");
        }

        foreach (var workload in value.EnumerateObject())
        {
            if (string.IsNullOrWhiteSpace(workload.Name))
            {
                throw Fail("workloads", "has an empty workload id");
            }

            into[workload.Name] = ReadRules(workload.Value, "workloads." + workload.Name);
        }
    }

    private static Dictionary<TaskType, RoutingRule> ReadRules(JsonElement value, string key)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(key, $"must be an object of task types ({TaskTypeNames}); got {JsonValues.Kind(value)}");
        }

        var rules = new Dictionary<TaskType, RoutingRule>();
        foreach (var entry in value.EnumerateObject())
        {
            if (IsNote(entry.Name))
            {
                continue;
            }

            var ruleKey = $"{key}.{entry.Name}";
            if (entry.Name != entry.Name.Trim().ToLowerInvariant() || !TaskTypes.TryParse(entry.Name, out var type) || type.Value.ToWireName() != entry.Name)
            {
                throw Fail(ruleKey, $"unknown task type '{entry.Name}' (known: {TaskTypeNames})");
            }

            rules[type.Value] = ReadRule(entry.Value, ruleKey);
        }

        return rules;
    }

    private static RoutingRule ReadRule(JsonElement value, string key)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Fail(key, $"must be an object of settings ({MinConfidence}, {UnknownConfidence}, {AuditShare}, {Model}, {Examples}); got {JsonValues.Kind(value)}");
        }

        var rule = new RoutingRule();
        foreach (var setting in value.EnumerateObject())
        {
            var settingKey = $"{key}.{setting.Name}";
            rule = setting.Name switch
            {
                MinConfidence => rule with { MinConfidence = Share(setting.Value, settingKey) },
                AuditShare => rule with { AuditShare = Share(setting.Value, settingKey) },
                UnknownConfidence => rule with { UnknownConfidence = Action(setting.Value, settingKey) },
                Model => rule with { Model = ModelName(setting.Value, settingKey) },
                Examples => rule with { Examples = ExampleCount(setting.Value, settingKey) },
                _ when IsNote(setting.Name) => rule,
                _ => throw Fail(settingKey, $"unknown setting (known: {MinConfidence}, {UnknownConfidence}, {AuditShare}, {Model}, {Examples})"),
            };
        }

        return rule;
    }

    private static double Share(JsonElement value, string key)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var share) || !double.IsFinite(share))
        {
            throw Fail(key, $"must be a number in [0, 1]; got {JsonValues.Describe(value)}");
        }

        return share is >= 0 and <= 1 ? share : throw Fail(key, string.Create(CultureInfo.InvariantCulture, $"{value.GetRawText()} is outside [0, 1]"));
    }

    private static UnknownConfidenceAction Action(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.String ? value.GetString() switch
        {
            "escalate" => UnknownConfidenceAction.Escalate,
            "complete" => UnknownConfidenceAction.Complete,
            _ => throw Fail(key, $"must be \"escalate\" or \"complete\"; got {JsonValues.Describe(value)}"),
        }
        : throw Fail(key, $"must be \"escalate\" or \"complete\"; got {JsonValues.Describe(value)}");

    private static string ModelName(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } name
            ? name
            : throw Fail(key, $"must be a non-empty model name; got {JsonValues.Describe(value)}");

    private static int ExampleCount(JsonElement value, string key) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var count) && count is >= 0 and <= RoutingRule.MaxExamples
            ? count
            : throw Fail(key, string.Create(CultureInfo.InvariantCulture, $"must be a whole number from 0 to {RoutingRule.MaxExamples}; got {JsonValues.Describe(value)}"));

    private static bool IsNote(string name) => name == "description" || name.StartsWith("x-", StringComparison.Ordinal);

    private static RoutingPolicyException Fail(string key, string problem) => new($"{key}: {problem}");

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}

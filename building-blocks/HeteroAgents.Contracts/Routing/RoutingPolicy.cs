using System.Globalization;
using System.Text.Json.Nodes;

namespace HeteroAgents.Contracts;

/// <summary>
/// When an SLM answer is completed and when it is escalated, per task type and per workload: one versioned JSON
/// document, <c>{"version": "...", "defaults": {"classify": {"min_confidence": 0.7}, ...}, "workloads": {"&lt;id&gt;":
/// {"extract": {...}}}}</c> (read with <see cref="RoutingPolicyReader"/>). Workers read it from a file or a Redis key and
/// echo its version on every outcome; the conversion loop writes it from measured agreement. Immutable.
/// </summary>
public sealed class RoutingPolicy
{
    /// <summary>The version of <see cref="BuiltIn"/>.</summary>
    public const string BuiltInVersion = "builtin-1";

    /// <summary>Creates a policy.</summary>
    /// <param name="version">Its version, echoed on every outcome (non-empty).</param>
    /// <param name="defaults">Settings per task type for every workload.</param>
    /// <param name="workloads">Settings per workload id and task type, over the defaults.</param>
    public RoutingPolicy(string version, IReadOnlyDictionary<TaskType, RoutingRule>? defaults = null, IReadOnlyDictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>>? workloads = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Defaults = defaults ?? new Dictionary<TaskType, RoutingRule>();
        Workloads = workloads ?? new Dictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>>(StringComparer.Ordinal);
    }

    /// <summary>
    /// The settings every policy starts from, and the policy a worker uses when none is configured. Thresholds:
    /// classify 0.7 (the chosen label's probability), extract 0.6 and tool call 0.6 (the weakest value's token
    /// probability), summarize 0.6 (the share of the summary's content words found in the source). An unknown
    /// confidence escalates, except for summaries, whose grounding score is always known. No audit.
    /// </summary>
    public static IReadOnlyDictionary<TaskType, RoutingRule> BuiltInRules { get; } = new Dictionary<TaskType, RoutingRule>
    {
        [TaskType.Classify] = new(0.7, UnknownConfidenceAction.Escalate, 0),
        [TaskType.Extract] = new(0.6, UnknownConfidenceAction.Escalate, 0),
        [TaskType.ToolCall] = new(0.6, UnknownConfidenceAction.Escalate, 0),
        [TaskType.Summarize] = new(0.6, UnknownConfidenceAction.Complete, 0),
    };

    /// <summary>Where a kind outside the built-in four starts from: 0.6, an unknown confidence escalates, no audit.</summary>
    public static RoutingRule OtherKindsRule { get; } = new(0.6, UnknownConfidenceAction.Escalate, 0);

    /// <summary>The built-in policy (<see cref="BuiltInRules"/>, version <see cref="BuiltInVersion"/>).</summary>
    public static RoutingPolicy BuiltIn { get; } = new(BuiltInVersion);

    /// <summary>The version, echoed on every outcome as <c>routing.policy_version</c>.</summary>
    public string Version { get; }

    /// <summary>Settings per task type for every workload (<c>defaults</c>).</summary>
    public IReadOnlyDictionary<TaskType, RoutingRule> Defaults { get; }

    /// <summary>Settings per workload id and task type (<c>workloads</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>> Workloads { get; }

    /// <summary>The settings for a task of <paramref name="type"/> in <paramref name="workload"/>: workload, then defaults, then built-in, setting by setting.</summary>
    public AppliedRoutingRule Resolve(string? workload, TaskType type)
    {
        var builtIn = BuiltInRules.GetValueOrDefault(type) ?? OtherKindsRule;
        var defaults = Defaults.GetValueOrDefault(type);
        var specific = workload is not null && Workloads.TryGetValue(workload, out var rules) ? rules.GetValueOrDefault(type) : null;
        var rule = (specific ?? new RoutingRule()).Over((defaults ?? new RoutingRule()).Over(builtIn));
        var wire = type.ToWireName();
        var key = specific?.MinConfidence is not null ? $"workloads.{workload}.{wire}.min_confidence"
            : defaults?.MinConfidence is not null ? $"defaults.{wire}.min_confidence"
            : "built-in";
        return new AppliedRoutingRule(Version, workload, rule.MinConfidence!.Value, rule.UnknownConfidence!.Value, rule.AuditShare!.Value, key, rule.Model, rule.Examples ?? 0);
    }

    /// <summary>The policy as its JSON document (settings left out stay left out), indented.</summary>
    public string ToJson()
    {
        var defaults = new JsonObject();
        foreach (var (type, rule) in Defaults.OrderBy(p => p.Key))
        {
            defaults[type.ToWireName()] = RuleJson(rule);
        }

        var workloads = new JsonObject();
        foreach (var (id, rules) in Workloads.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var perType = new JsonObject();
            foreach (var (type, rule) in rules.OrderBy(p => p.Key))
            {
                perType[type.ToWireName()] = RuleJson(rule);
            }

            workloads[id] = perType;
        }

        return new JsonObject { ["version"] = Version, ["defaults"] = defaults, ["workloads"] = workloads }
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// A copy of this policy with version <paramref name="version"/> and <paramref name="rule"/> for
    /// <paramref name="type"/> in <paramref name="workload"/> (replacing the rule there; null: under <c>defaults</c>).
    /// </summary>
    public RoutingPolicy With(string version, string? workload, TaskType type, RoutingRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (workload is null)
        {
            return new RoutingPolicy(version, new Dictionary<TaskType, RoutingRule>(Defaults) { [type] = rule }, Workloads);
        }

        var workloads = new Dictionary<string, IReadOnlyDictionary<TaskType, RoutingRule>>(Workloads, StringComparer.Ordinal);
        var rules = new Dictionary<TaskType, RoutingRule>(workloads.GetValueOrDefault(workload) ?? new Dictionary<TaskType, RoutingRule>()) { [type] = rule };
        workloads[workload] = rules;
        return new RoutingPolicy(version, Defaults, workloads);
    }

    /// <summary>The rule written for <paramref name="type"/> in <paramref name="workload"/> (null: under <c>defaults</c>), or null when none is.</summary>
    public RoutingRule? RuleAt(string? workload, TaskType type) =>
        workload is null ? Defaults.GetValueOrDefault(type)
        : Workloads.TryGetValue(workload, out var rules) ? rules.GetValueOrDefault(type) : null;

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"routing policy {Version} ({Workloads.Count} workloads)");

    private static JsonObject RuleJson(RoutingRule rule)
    {
        var json = new JsonObject();
        if (rule.MinConfidence is { } min)
        {
            json[RoutingPolicyReader.MinConfidence] = min;
        }

        if (rule.UnknownConfidence is { } unknown)
        {
            json[RoutingPolicyReader.UnknownConfidence] = unknown == UnknownConfidenceAction.Escalate ? "escalate" : "complete";
        }

        if (rule.AuditShare is { } audit)
        {
            json[RoutingPolicyReader.AuditShare] = audit;
        }

        if (rule.Model is { } model)
        {
            json[RoutingPolicyReader.Model] = model;
        }

        if (rule.Examples is { } examples)
        {
            json[RoutingPolicyReader.Examples] = examples;
        }

        return json;
    }
}

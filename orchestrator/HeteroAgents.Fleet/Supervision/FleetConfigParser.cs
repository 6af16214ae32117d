using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Fleet.Supervision;

/// <summary>
/// Reads and validates <c>fleet.json</c>. Every problem is reported at once with its JSON path, e.g.
/// <c>$.workers.classify.max: must be >= min (2), got 1</c>; JSON syntax errors give line and column.
/// Unknown fields are errors, so a misspelt setting does not pass silently.
/// </summary>
public static class FleetConfigParser
{
    private static readonly string[] RootFields =
        ["$schema", "pollIntervalSeconds", "scaleUpCooldownSeconds", "scaleDownCooldownSeconds", "shutdownTimeoutSeconds", "restartBackoff", "workers"];

    private static readonly string[] BackoffFields = ["initialSeconds", "maxSeconds", "multiplier", "resetAfterSeconds"];

    private static readonly string[] PoolFields = ["min", "max", "targetPerWorker", "command", "args", "env", "model", "queue"];

    /// <summary>Reads and validates a configuration file; errors name the file.</summary>
    public static async Task<FleetConfig> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new FleetConfigException($"Cannot read fleet configuration '{path}': {ex.Message}", ex);
        }

        return Parse(json, $"'{path}'");
    }

    /// <summary>Parses and validates configuration text; <paramref name="source"/> names it in error messages.</summary>
    public static FleetConfig Parse(string json, string source = "(text)")
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1}" : "unknown position";
            throw new FleetConfigException(source, [new FleetConfigError("$", $"not valid JSON at {where}: {ex.Message}")]);
        }

        using (document)
        {
            var reader = new FleetConfigReader();
            var config = ReadRoot(reader, document.RootElement);
            if (reader.Errors.Count > 0)
            {
                throw new FleetConfigException(source, reader.Errors);
            }

            return config!;
        }
    }

    private static FleetConfig? ReadRoot(FleetConfigReader r, JsonElement root)
    {
        if (!r.ExpectObject(root, "$", RootFields))
        {
            return null;
        }

        var defaults = new FleetConfig();
        var config = new FleetConfig
        {
            PollInterval = r.Seconds(root, "$", "pollIntervalSeconds", defaults.PollInterval, allowZero: false),
            ScaleUpCooldown = r.Seconds(root, "$", "scaleUpCooldownSeconds", defaults.ScaleUpCooldown, allowZero: true),
            ScaleDownCooldown = r.Seconds(root, "$", "scaleDownCooldownSeconds", defaults.ScaleDownCooldown, allowZero: true),
            ShutdownTimeout = r.Seconds(root, "$", "shutdownTimeoutSeconds", defaults.ShutdownTimeout, allowZero: false),
            RestartBackoff = ReadBackoff(r, root),
        };

        if (!root.TryGetProperty("workers", out var workers))
        {
            r.Error("$.workers", "is required: an object with one entry per task type (classify, extract, tool_call, summarize)");
            return config;
        }

        if (!r.ExpectObject(workers, "$.workers", null))
        {
            return config;
        }

        var pools = new List<WorkerPoolConfig>();
        var seen = new HashSet<TaskType>();
        foreach (var entry in workers.EnumerateObject())
        {
            var path = "$.workers." + entry.Name;
            if (!TaskTypes.TryParse(entry.Name, out var type))
            {
                r.Error(path, $"unknown task type '{entry.Name}'; expected one of: classify, extract, tool_call, summarize");
                continue;
            }

            if (!seen.Add(type.Value))
            {
                r.Error(path, $"task type '{type.Value.ToWireName()}' is configured twice");
                continue;
            }

            if (ReadPool(r, entry.Value, path, type.Value) is { } pool)
            {
                pools.Add(pool);
            }
        }

        if (pools.Count == 0 && seen.Count == 0)
        {
            r.Error("$.workers", "configures no task type; add at least one of: classify, extract, tool_call, summarize");
        }

        return config with { Workers = pools };
    }

    private static RestartBackoff ReadBackoff(FleetConfigReader r, JsonElement root)
    {
        var defaults = new RestartBackoff();
        if (!root.TryGetProperty("restartBackoff", out var element))
        {
            return defaults;
        }

        const string path = "$.restartBackoff";
        if (!r.ExpectObject(element, path, BackoffFields))
        {
            return defaults;
        }

        var backoff = new RestartBackoff
        {
            Initial = r.Seconds(element, path, "initialSeconds", defaults.Initial, allowZero: false),
            Max = r.Seconds(element, path, "maxSeconds", defaults.Max, allowZero: false),
            Multiplier = r.Number(element, path, "multiplier", defaults.Multiplier),
            ResetAfter = r.Seconds(element, path, "resetAfterSeconds", defaults.ResetAfter, allowZero: true),
        };
        if (backoff.Multiplier < 1)
        {
            r.Error(path + ".multiplier", $"must be >= 1, got {backoff.Multiplier}");
        }

        if (backoff.Max < backoff.Initial)
        {
            r.Error(path + ".maxSeconds", $"must be >= initialSeconds ({backoff.Initial.TotalSeconds}), got {backoff.Max.TotalSeconds}");
        }

        return backoff;
    }

    private static WorkerPoolConfig? ReadPool(FleetConfigReader r, JsonElement element, string path, TaskType type)
    {
        if (!r.ExpectObject(element, path, PoolFields))
        {
            return null;
        }

        var min = r.Integer(element, path, "min", 1, minimum: 0);
        var max = r.Integer(element, path, "max", Math.Max(min, 4), minimum: 1);
        if (max < min)
        {
            r.Error(path + ".max", $"must be >= min ({min}), got {max}");
        }

        var command = r.String(element, path, "command", "hetero-worker");
        var args = r.StringArray(element, path, "args") ?? ["--task", type.ToWireName()];
        return new WorkerPoolConfig
        {
            TaskType = type,
            Queue = r.String(element, path, "queue", type.QueueName()),
            Min = min,
            Max = max,
            TargetPerWorker = r.Integer(element, path, "targetPerWorker", 50, minimum: 1),
            Command = command,
            Args = args,
            Environment = r.StringMap(element, path, "env"),
            Model = r.OptionalString(element, path, "model"),
        };
    }
}

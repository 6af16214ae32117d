using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Options of the frontier call log (conversion-loop step S1), bound from <c>Hetero:Flywheel:Logging</c>
/// (environment: <c>HETERO__FLYWHEEL__LOGGING__...</c>).
/// </summary>
public sealed class FlywheelLoggingOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Logging";

    /// <summary>Whether frontier calls are logged at all (the opt-out). Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where records go. Default <see cref="FrontierLogSink.Jsonl"/>.</summary>
    public FrontierLogSink Sink { get; set; } = FrontierLogSink.Jsonl;

    /// <summary>The directory of the daily JSONL files (<c>frontier-calls-YYYY-MM-DD.jsonl</c>). Default <c>data/flywheel</c>.</summary>
    public string DataDirectory { get; set; } = Path.Combine("data", "flywheel");

    /// <summary>
    /// No longer read: the <see cref="FrontierLogSink.Redis"/> sink writes over the process's one Redis connection
    /// (<c>Hetero:Redis</c>, <c>AddHeteroRedis</c>). Set, it stops the process at start with a message naming
    /// <c>Hetero:Redis:Configuration</c>, so that an old setting is not silently ignored.
    /// </summary>
    public string? RedisConfiguration { get; set; }

    /// <summary>The Redis stream key. Default <c>hetero:flywheel:frontier-calls</c>.</summary>
    [Required]
    public string StreamKey { get; set; } = "hetero:flywheel:frontier-calls";

    /// <summary>Approximate cap on the stream's length (XADD MAXLEN ~); null keeps everything. Default null.</summary>
    [Range(1, long.MaxValue)]
    public long? StreamMaxLength { get; set; }

    /// <summary>Whether a failure to write the log fails the model call. Default false: the failure is logged as an error and the answer returned.</summary>
    public bool FailCallOnLogError { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && Sink == FrontierLogSink.Jsonl && string.IsNullOrWhiteSpace(DataDirectory))
        {
            yield return new ValidationResult("DataDirectory must be set when the JSONL sink is enabled.", [nameof(DataDirectory)]);
        }

        if (!string.IsNullOrWhiteSpace(RedisConfiguration))
        {
            yield return new ValidationResult(
                SectionName + ":RedisConfiguration is no longer supported: the Redis sink uses the one Redis connection of the process; " +
                "set Hetero:Redis:Configuration (HETERO__REDIS__CONFIGURATION) instead.", [nameof(RedisConfiguration)]);
        }
    }
}

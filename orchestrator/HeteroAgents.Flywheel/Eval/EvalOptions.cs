using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of <see cref="FlywheelEvaluator"/> (S6), bound from <c>Hetero:Flywheel:Eval</c>.</summary>
public sealed class EvalOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Eval";

    /// <summary>The agreement the confidence threshold must reach. Default 0.95.</summary>
    [Range(0.0, 1.0)]
    public double TargetAgreement { get; set; } = 0.95;

    /// <summary>Share of records held out; must equal the export's (see <see cref="DatasetSplit"/>). Default 0.1.</summary>
    [Range(0.0, 1.0)]
    public double EvalFraction { get; set; } = DatasetSplit.DefaultEvalFraction;

    /// <summary>Only this cluster, when set.</summary>
    public string? ClusterId { get; set; }

    /// <summary>At most this many held-out records replayed per cluster. Default 200.</summary>
    [Range(1, int.MaxValue)]
    public int MaxRecordsPerCluster { get; set; } = 200;

    /// <summary>Replays in flight at once. Default 1.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 1;

    /// <summary>The clustering that defines cluster ids; must match the export's.</summary>
#pragma warning disable SYSLIB1212 // Copied from its own section, which is validated there under its own keys.
    public ClusteringOptions Clustering { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>Scrubbing applied to prompts before replay, as for the exported training data; null replays the log as is.</summary>
#pragma warning disable SYSLIB1212 // Copied from its own section, which is validated there under its own keys.
    public PiiScrubberOptions? Scrub { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>Cap on generated tokens per replay. Default 512.</summary>
    [Range(1, 65536)]
    public int MaxOutputTokens { get; set; } = 512;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in OptionsCheck.Nested(Clustering, nameof(Clustering)))
        {
            yield return result;
        }

        foreach (var result in OptionsCheck.Nested(Scrub, nameof(Scrub)))
        {
            yield return result;
        }
    }
}

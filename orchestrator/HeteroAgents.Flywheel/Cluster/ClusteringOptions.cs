using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of workload clustering (conversion-loop step S3), bound from <c>Hetero:Flywheel:Clustering</c>.</summary>
public sealed class ClusteringOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Clustering";

    /// <summary>Seed of the MinHash functions; the same seed and log give the same clusters. Default 42.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>MinHash signature length. Default 128.</summary>
    [Range(8, 1024)]
    public int NumHashes { get; set; } = 128;

    /// <summary>LSH bands; <see cref="NumHashes"/> must be a multiple. Default 64 (2 rows per band, tuned for similarities around 0.3).</summary>
    [Range(1, 1024)]
    public int Bands { get; set; } = 64;

    /// <summary>Words per shingle. Default 3.</summary>
    [Range(1, 10)]
    public int ShingleSize { get; set; } = 3;

    /// <summary>Estimated Jaccard similarity of two prompts' shingle sets at or above which they join one cluster. Default 0.3.</summary>
    [Range(0.01, 1.0)]
    public double SimilarityThreshold { get; set; } = 0.3;

    /// <summary>Answered examples a cluster needs to be flagged ready to fine-tune on. Default 500.</summary>
    [Range(1, int.MaxValue)]
    public int MinExamplesToFineTune { get; set; } = 500;

    /// <summary>Example prompts listed per cluster. Default 3.</summary>
    [Range(0, 100)]
    public int ExamplePrompts { get; set; } = 3;

    /// <summary>Characters kept of each example prompt. Default 160.</summary>
    [Range(10, 10_000)]
    public int ExamplePromptLength { get; set; } = 160;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Bands > 0 && NumHashes % Bands != 0)
        {
            yield return new ValidationResult($"NumHashes ({NumHashes}) must be a multiple of Bands ({Bands}).", [nameof(NumHashes), nameof(Bands)]);
        }
    }
}

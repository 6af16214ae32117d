using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of <see cref="FlywheelExporter"/> (S4/S5), bound from <c>Hetero:Flywheel:Export</c>.</summary>
public sealed class ExportOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Export";

    /// <summary>The training file's name.</summary>
    public const string TrainFileName = "train.jsonl";

    /// <summary>The held-out file's name.</summary>
    public const string EvalFileName = "eval.jsonl";

    /// <summary>The recipe file's name.</summary>
    public const string RecipeFileName = "lora-recipe.json";

    /// <summary>The only format: <c>chat-jsonl</c>.</summary>
    public const string ChatJsonlFormat = "chat-jsonl";

    /// <summary>The output format; only <c>chat-jsonl</c>.</summary>
    [RegularExpression("^chat-jsonl$", ErrorMessage = "Format must be 'chat-jsonl'.")]
    public string Format { get; set; } = ChatJsonlFormat;

    /// <summary>Share of records held out (see <see cref="DatasetSplit"/>). Default 0.1.</summary>
    [Range(0.0, 0.9)]
    public double EvalFraction { get; set; } = DatasetSplit.DefaultEvalFraction;

    /// <summary>The clustering that defines cluster ids; must match the one used to list clusters.</summary>
#pragma warning disable SYSLIB1212 // Copied from its own section, which is validated there under its own keys.
    public ClusteringOptions Clustering { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>The PII scrubbing applied to every record before it is written (always on).</summary>
#pragma warning disable SYSLIB1212 // Copied from its own section, which is validated there under its own keys.
    public PiiScrubberOptions Scrub { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>Overrides the suggested base model (a Hugging Face repository id).</summary>
    public string? BaseModel { get; set; }

    /// <summary>Overrides the LoRA rank (default 8 for classify, 16 otherwise).</summary>
    [Range(1, 1024)]
    public int? LoraRank { get; set; }

    /// <summary>Overrides the learning rate (default 2e-4).</summary>
    [Range(1e-7, 1.0)]
    public double? LearningRate { get; set; }

    /// <summary>Overrides the number of epochs (default 3 below 2,000 examples, else 2).</summary>
    [Range(1, 100)]
    public int? Epochs { get; set; }

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

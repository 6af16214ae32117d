using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>Options of <see cref="UsageReportBuilder"/> (<c>hetero report</c>), bound from <c>Hetero:Flywheel:Report</c>.</summary>
public sealed class ReportOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Report";

    /// <summary>Per-model prices; frontier-served lines and logged calls are priced with them.</summary>
#pragma warning disable SYSLIB1212 // Copied from its own section, which is validated there under its own keys.
    public CostAccountingOptions Prices { get; set; } = new();
#pragma warning restore SYSLIB1212

    /// <summary>The frontier model the all-frontier baseline is priced with; without it (or without its price) the baseline is not computed.</summary>
    public string? BaselineModel { get; set; }

    /// <summary>Cost of SLM tokens in US dollars per million (input and output alike), e.g. amortized hardware. Default 0.</summary>
    [Range(0, 1_000_000)]
    public decimal SlmCostPerMillionTokens { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var result in OptionsCheck.Nested(Prices, nameof(Prices)))
        {
            yield return result;
        }
    }
}

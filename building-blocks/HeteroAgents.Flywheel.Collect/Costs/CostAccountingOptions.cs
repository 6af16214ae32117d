using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>
/// Per-model prices for cost accounting, bound from <c>Hetero:Flywheel:Costs</c>, e.g.
/// <c>Hetero__Flywheel__Costs__Prices__gpt-4o-mini__InputPerMillion=0.15</c>.
/// </summary>
public sealed class CostAccountingOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hetero:Flywheel:Costs";

    /// <summary>
    /// Prices by model id. A response's model id is matched exactly (case-insensitive) first, then by the longest
    /// configured id it starts with (so <c>gpt-4o-mini</c> prices <c>gpt-4o-mini-2024-07-18</c>).
    /// </summary>
    public Dictionary<string, ModelPrice> Prices { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds the price of <paramref name="model"/>, or null when none is configured.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return null;
        }

        foreach (var (id, price) in Prices)
        {
            if (string.Equals(id, model, StringComparison.OrdinalIgnoreCase))
            {
                return price;
            }
        }

        return Prices
            .Where(p => model.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Key.Length)
            .Select(p => p.Value)
            .FirstOrDefault();
    }

    /// <summary>The cost of a call, or null when the model has no configured price.</summary>
    public decimal? Cost(string? model, long inputTokens, long outputTokens) => Find(model)?.Cost(inputTokens, outputTokens);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (id, price) in Prices)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                yield return new ValidationResult("A price has an empty model id.", [nameof(Prices)]);
            }

            if (price is null || price.InputPerMillion < 0 || price.OutputPerMillion < 0)
            {
                yield return new ValidationResult($"Prices[{id}]: prices must be given and non-negative.", [nameof(Prices)]);
            }
        }
    }
}

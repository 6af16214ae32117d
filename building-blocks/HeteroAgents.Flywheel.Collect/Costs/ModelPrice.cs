using System.ComponentModel.DataAnnotations;

namespace HeteroAgents.Flywheel;

/// <summary>A model's list price in US dollars per one million tokens.</summary>
public sealed class ModelPrice
{
    /// <summary>Price of one million prompt tokens.</summary>
    [Range(0, 1_000_000)]
    public decimal InputPerMillion { get; set; }

    /// <summary>Price of one million generated tokens.</summary>
    [Range(0, 1_000_000)]
    public decimal OutputPerMillion { get; set; }

    /// <summary>The cost of a call with the given token counts.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000m;
}

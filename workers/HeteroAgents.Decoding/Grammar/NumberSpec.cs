namespace HeteroAgents.Decoding.Grammar;

/// <summary>A number or integer with optional bounds and multipleOf.</summary>
internal sealed record NumberSpec
{
    public bool IntegerOnly { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public decimal? MultipleOf { get; init; }

    /// <summary>Inclusive integer bounds used to prune integer prefixes that cannot complete in range.</summary>
    public long IntMin { get; init; } = long.MinValue;

    public long IntMax { get; init; } = long.MaxValue;

    public bool TracksValue => Minimum is not null || Maximum is not null || MultipleOf is not null;
}

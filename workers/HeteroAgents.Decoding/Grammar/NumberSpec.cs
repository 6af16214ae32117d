namespace HeteroAgents.Decoding.Grammar;

/// <summary>A number or integer with optional bounds, multipleOf, or an exact set of allowed values (numeric enum).</summary>
internal sealed record NumberSpec
{
    /// <summary>The value must be an integer (JSON Schema: 1.0 is an integer too).</summary>
    public bool IntegerOnly { get; init; }

    /// <summary>The value must not be an integer (a number schema from which integers were taken out, e.g. by <c>not</c>).</summary>
    public bool NonInteger { get; init; }

    public decimal? Minimum { get; init; }

    public decimal? Maximum { get; init; }

    public bool ExclusiveMinimum { get; init; }

    public bool ExclusiveMaximum { get; init; }

    public decimal? MultipleOf { get; init; }

    /// <summary>The value must not be a multiple of any of these, nor equal to any of <see cref="NotValues"/> (from <c>not</c>).</summary>
    public decimal[] NotMultipleOf { get; init; } = [];

    public decimal[] NotValues { get; init; } = [];

    /// <summary>Inclusive integer bounds used to prune integer prefixes that cannot complete in range.</summary>
    public long IntMin { get; init; } = long.MinValue;

    public long IntMax { get; init; } = long.MaxValue;

    /// <summary>For numeric enums: the allowed values (sorted); any spelling of one of them matches.</summary>
    public NumberValues? Values { get; init; }

    public bool TracksValue => Minimum is not null || Maximum is not null || MultipleOf is not null || Values is not null
        || NotMultipleOf.Length > 0 || NotValues.Length > 0;

    /// <summary>
    /// Bounded integers take no exponent (so that their integer digits can be pruned against the range); their
    /// fraction digits, if written, must be zeros. Other numbers take any exponent.
    /// </summary>
    public bool AllowsExponent => !IntegerOnly || (IntMin == long.MinValue && IntMax == long.MaxValue);
}

namespace HeteroAgents.Decoding;

/// <summary>Options of <see cref="JsonSchemaCompiler.Compile(string, JsonSchemaCompilerOptions?)"/>.</summary>
public sealed class JsonSchemaCompilerOptions
{
    /// <summary>
    /// Whitespace policy. Default <see cref="WhitespaceMode.Compact"/>: generated JSON has no insignificant
    /// whitespace, which saves tokens and rules out the known failure of small models emitting endless newlines.
    /// </summary>
    public WhitespaceMode Whitespace { get; set; } = WhitespaceMode.Compact;

    /// <summary>With <see cref="WhitespaceMode.Flexible"/>: the most whitespace bytes allowed in a row at one position (default 20).</summary>
    public int MaxConsecutiveWhitespace { get; set; } = 20;

    /// <summary>Property order policy (default <see cref="PropertyOrderMode.SchemaOrder"/>).</summary>
    public PropertyOrderMode PropertyOrder { get; set; } = PropertyOrderMode.SchemaOrder;

    /// <summary>Maximum depth of nested objects and arrays in generated or validated JSON (default 32).</summary>
    public int MaxNesting { get; set; } = 32;

    internal void Validate()
    {
        if (MaxNesting is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNesting), MaxNesting, "MaxNesting must be between 1 and 1000.");
        }

        if (MaxConsecutiveWhitespace is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveWhitespace), MaxConsecutiveWhitespace, "MaxConsecutiveWhitespace must be between 0 and 10000.");
        }
    }
}

namespace HeteroAgents.Decoding;

/// <summary>Where a compiled grammar lets the model put whitespace.</summary>
public enum WhitespaceMode
{
    /// <summary>No whitespace at all outside strings (the default: fewest tokens, no runaway newlines).</summary>
    Compact = 0,

    /// <summary>JSON whitespace wherever the JSON grammar allows it, capped per position by <see cref="JsonSchemaCompilerOptions.MaxConsecutiveWhitespace"/>.</summary>
    Flexible = 1,
}

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

    /// <summary>
    /// The most digits a number may have before its exponent (default 64). Together with
    /// <see cref="MaxNumberExponent"/> and a magnitude below 10^308, every number the grammar accepts parses to a
    /// finite double, and a model cannot write digits without end.
    /// </summary>
    public int MaxNumberDigits { get; set; } = 64;

    /// <summary>The largest exponent (absolute value, after <c>e</c>) a number may have (default 308).</summary>
    public int MaxNumberExponent { get; set; } = 308;

    /// <summary>
    /// Whether <c>format</c> is asserted (default true): generated strings then conform to <c>date-time</c>,
    /// <c>email</c>, <c>ipv6</c>, ... JSON Schema 2020-12 treats <c>format</c> as an annotation unless asked to
    /// assert it; set false for that behaviour.
    /// </summary>
    public bool AssertFormat { get; set; } = true;

    /// <summary>The dialect assumed when the schema has no <c>$schema</c> (default <see cref="SchemaDialect.Draft202012"/>).</summary>
    public SchemaDialect DefaultDialect { get; set; } = SchemaDialect.Draft202012;

    /// <summary>
    /// Other schema documents by absolute URI (without fragment), for <c>$ref</c>s that leave the schema. Nothing
    /// is ever fetched: a reference to a document not given here fails compilation.
    /// </summary>
    public IReadOnlyDictionary<string, System.Text.Json.JsonElement>? Documents { get; set; }

    /// <summary>
    /// Bytes of token masks one compiled grammar keeps per vocabulary (default 4 MiB), shared by all its
    /// generations: a parse state that recurs gets its mask from memory instead of a vocabulary walk. Masks are
    /// stored as token lists where few tokens are allowed (a dense mask of a 100k vocabulary takes 12.5 kB); once
    /// the budget is used, further masks are computed but not kept. 0 turns the cache off.
    /// </summary>
    public long MaskCacheBytes { get; set; } = 4L << 20;

    internal void Validate()
    {
        if (MaskCacheBytes < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaskCacheBytes), MaskCacheBytes, "MaskCacheBytes must be 0 or more.");
        }

        if (MaxNesting is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNesting), MaxNesting, "MaxNesting must be between 1 and 1000.");
        }

        if (MaxNumberDigits is < 1 or > 300)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNumberDigits), MaxNumberDigits, "MaxNumberDigits must be between 1 and 300.");
        }

        if (MaxNumberExponent is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxNumberExponent), MaxNumberExponent, "MaxNumberExponent must be between 0 and 10000.");
        }

        if (MaxConsecutiveWhitespace is < 0 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConsecutiveWhitespace), MaxConsecutiveWhitespace, "MaxConsecutiveWhitespace must be between 0 and 10000.");
        }
    }
}

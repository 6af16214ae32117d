using System.ComponentModel.DataAnnotations;
using HeteroAgents.Decoding;

namespace HeteroAgents.Inference.Constraints;

/// <summary>Options of <see cref="DecodingJsonSchemaConstraintFactory"/>.</summary>
public sealed class DecodingConstraintOptions
{
    /// <summary>How many compiled schemas are kept (least recently used evicted first). Default 256.</summary>
    [Range(1, 1_000_000)]
    public int GrammarCacheCapacity { get; set; } = 256;

    /// <summary>
    /// The memory each compiled schema may use for cached token masks, in KiB (default 4,096 = 4 MiB; 0 turns the mask
    /// cache off). The worst case over the grammar cache is <see cref="GrammarCacheCapacity"/> times this.
    /// </summary>
    [Range(0, 1_048_576)]
    public int MaskCacheKilobytes { get; set; } = 4_096;

    /// <summary>
    /// Whitespace in generated JSON. Default <see cref="WhitespaceMode.Compact"/>: no insignificant whitespace, which
    /// saves tokens and keeps small models from padding their output with newlines.
    /// </summary>
    public WhitespaceMode Whitespace { get; set; } = WhitespaceMode.Compact;

    /// <summary>
    /// When set, free-text strings (schema type <c>string</c> without <c>maxLength</c>, <c>enum</c>, <c>const</c>,
    /// <c>pattern</c> or <c>format</c>) are capped at this many characters (or their <c>minLength</c>, if larger), so a
    /// model cannot stay inside a string until its token budget runs out. Output remains valid against the original
    /// schema; only longer strings become impossible. Default: no cap.
    /// </summary>
    [Range(1, 1_000_000)]
    public int? MaxStringLength { get; set; }

    /// <summary>
    /// The most digits a generated number may have before its exponent (default 64). With
    /// <see cref="MaxNumberExponent"/> and a magnitude of at most <see cref="double.MaxValue"/>, every number the
    /// decoder lets a model write parses to a finite double; bounds such as <c>maximum</c> stay exact.
    /// </summary>
    [Range(1, 300)]
    public int MaxNumberDigits { get; set; } = 64;

    /// <summary>The largest exponent (absolute value) a generated number may have (default 308).</summary>
    [Range(0, 10_000)]
    public int MaxNumberExponent { get; set; } = 308;
}

namespace HeteroAgents.Decoding.Regex;

/// <summary>A node of a parsed regular expression over Unicode code points.</summary>
internal abstract record RegexNode
{
    /// <summary>The empty string.</summary>
    public static readonly RegexNode Empty = new RegexConcat([]);
}

/// <summary>One code point from a set of inclusive ranges (sorted, non-overlapping).</summary>
internal sealed record RegexCharSet(IReadOnlyList<(int Lo, int Hi)> Ranges) : RegexNode;

/// <summary>A sequence.</summary>
internal sealed record RegexConcat(IReadOnlyList<RegexNode> Items) : RegexNode;

/// <summary>An alternation.</summary>
internal sealed record RegexAlternation(IReadOnlyList<RegexNode> Items) : RegexNode;

/// <summary>A bounded or unbounded repetition; <see cref="Max"/> is -1 when unbounded.</summary>
internal sealed record RegexRepeat(RegexNode Item, int Min, int Max) : RegexNode;

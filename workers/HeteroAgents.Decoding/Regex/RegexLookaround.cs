namespace HeteroAgents.Decoding.Regex;

/// <summary>A lookahead (<c>(?=..)</c>, <c>(?!..)</c>) or lookbehind (<c>(?&lt;=..)</c>, <c>(?&lt;!..)</c>).</summary>
internal sealed record RegexLookaround(RegexNode Inner, bool Ahead, bool Negative) : RegexNode;

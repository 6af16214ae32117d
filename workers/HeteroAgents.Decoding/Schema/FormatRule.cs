namespace HeteroAgents.Decoding.Schema;

/// <summary>How a <c>format</c> is asserted: a pattern it must match, patterns it must not match, a length limit.</summary>
internal sealed record FormatRule(string Pattern, string[] Forbidden, int MaxLength = -1);

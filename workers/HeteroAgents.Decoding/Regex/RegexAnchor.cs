namespace HeteroAgents.Decoding.Regex;

/// <summary>A <c>^</c> (<see cref="IsStart"/>) or <c>$</c> anchor; only allowed at the ends of the pattern.</summary>
internal sealed record RegexAnchor(bool IsStart) : RegexNode;

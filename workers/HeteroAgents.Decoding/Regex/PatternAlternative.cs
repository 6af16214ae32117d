namespace HeteroAgents.Decoding.Regex;

/// <summary>
/// One top-level alternative of a pattern as a whole-string match (<see cref="Core"/>), with the lookarounds at its
/// anchored ends as whole-string languages the string must (or must not, when negative) also belong to.
/// </summary>
internal sealed record PatternAlternative(RegexNode Core, IReadOnlyList<(RegexNode Language, bool Negative)> Constraints);

namespace HeteroAgents.Flywheel;

/// <summary>A run of name words read by <see cref="NameReader"/>.</summary>
/// <param name="Start">Offset of the first character.</param>
/// <param name="End">Offset just past the last character.</param>
/// <param name="Words">The name words, particles included.</param>
internal sealed record NameSpan(int Start, int End, IReadOnlyList<string> Words)
{
    /// <summary>The first word.</summary>
    public string First => Words[0];

    /// <summary>Words that are neither lower-case particles nor initials.</summary>
    public int FullWords => Words.Count(w => char.IsUpper(w[0]) && !w.EndsWith('.'));
}

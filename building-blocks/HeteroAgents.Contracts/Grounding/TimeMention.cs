namespace HeteroAgents.Contracts;

/// <summary>A time of day written in a text, with every time it can stand for (<c>2:30</c> without am/pm is 02:30 or 14:30).</summary>
/// <param name="Text">The time as written.</param>
/// <param name="Index">Where it starts in the text (UTF-16 index).</param>
/// <param name="Readings">The times it can stand for.</param>
public sealed record TimeMention(string Text, int Index, IReadOnlyList<ClockTime> Readings);

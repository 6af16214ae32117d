namespace HeteroAgents.Contracts;

/// <summary>A date written in a text, with every day it can stand for (<c>05/03/2024</c> is 5 March or May 3).</summary>
/// <param name="Text">The date as written.</param>
/// <param name="Index">Where it starts in the text (UTF-16 index).</param>
/// <param name="Readings">The days it can stand for.</param>
public sealed record DateMention(string Text, int Index, IReadOnlyList<CalendarDate> Readings);

namespace HeteroAgents.Contracts;

/// <summary>A number written in a text, with every value it can stand for.</summary>
/// <param name="Text">The number as written, e.g. <c>1.234,50</c>, <c>15%</c> or <c>twelve</c>.</param>
/// <param name="Index">Where it starts in the text (UTF-16 index).</param>
/// <param name="Values">
/// Its readings, sign dropped: <c>1,234</c> is 1234 or 1.234; <c>15%</c> is 15 or 0.15; <c>1.2M</c> is 1.2 or 1,200,000.
/// </param>
public sealed record NumberMention(string Text, int Index, IReadOnlyList<double> Values);

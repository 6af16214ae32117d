namespace HeteroAgents.Flywheel;

/// <summary>One piece of personal data found in a text.</summary>
/// <param name="Type">What it is.</param>
/// <param name="Start">Offset of its first character.</param>
/// <param name="Length">Its length in characters.</param>
/// <param name="Value">The text found.</param>
public sealed record PiiFinding(PiiType Type, int Start, int Length, string Value)
{
    /// <summary>Offset just past its last character.</summary>
    public int End => Start + Length;
}

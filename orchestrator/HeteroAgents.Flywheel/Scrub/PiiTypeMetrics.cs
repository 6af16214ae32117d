namespace HeteroAgents.Flywheel;

/// <summary>Detection quality of one PII type on a labelled corpus.</summary>
/// <param name="Type">The type.</param>
/// <param name="Labelled">Labelled occurrences.</param>
/// <param name="Found">Findings of this type.</param>
/// <param name="TruePositives">Findings that overlap a labelled occurrence of the same type.</param>
public sealed record PiiTypeMetrics(PiiType Type, int Labelled, int Found, int TruePositives)
{
    /// <summary>True positives over findings (1 when nothing was found).</summary>
    public double Precision => Found == 0 ? 1 : (double)TruePositives / Found;

    /// <summary>True positives over labelled occurrences (1 when none were labelled).</summary>
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;
}

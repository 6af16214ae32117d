namespace HeteroAgents.Flywheel;

/// <summary>Detection quality of one PII type on a labelled corpus.</summary>
/// <param name="Type">The type.</param>
/// <param name="Labelled">Labelled occurrences.</param>
/// <param name="Found">Findings of this type.</param>
/// <param name="TruePositives">Findings that overlap a labelled occurrence of the same type.</param>
/// <param name="LabelledChars">Characters of the labelled occurrences.</param>
/// <param name="CoveredChars">Those of them inside a finding of any type, i.e. replaced by some placeholder.</param>
public sealed record PiiTypeMetrics(PiiType Type, int Labelled, int Found, int TruePositives, int LabelledChars = 0, int CoveredChars = 0)
{
    /// <summary>
    /// Share of the labelled characters replaced by a placeholder (1 when none were labelled): stricter than
    /// <see cref="Recall"/> for long values such as names and addresses, where a finding that covers only part of the
    /// value counts as a hit but leaves the rest in the text.
    /// </summary>
    public double CharCoverage => LabelledChars == 0 ? 1 : (double)CoveredChars / LabelledChars;

    /// <summary>True positives over findings (1 when nothing was found).</summary>
    public double Precision => Found == 0 ? 1 : (double)TruePositives / Found;

    /// <summary>True positives over labelled occurrences (1 when none were labelled).</summary>
    public double Recall => Labelled == 0 ? 1 : (double)TruePositives / Labelled;
}

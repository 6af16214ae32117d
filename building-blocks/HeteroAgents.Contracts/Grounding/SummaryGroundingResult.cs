namespace HeteroAgents.Contracts;

/// <summary>How much of a summary its source supports (<see cref="SummaryGrounding.Evaluate"/>).</summary>
/// <param name="Faithfulness">The share of the summary's content words found in the source, in [0, 1]; 0 when it has none.</param>
/// <param name="ContentWords">How many content words the summary has (stop words and words about the message left out).</param>
/// <param name="SupportedWords">How many of them the source supports.</param>
/// <param name="UnsupportedWords">The content words not found in the source, in order, each once.</param>
/// <param name="MissingFacts">Numbers, dates and names of the summary that the source does not contain, as written.</param>
public sealed record SummaryGroundingResult(
    double Faithfulness,
    int ContentWords,
    int SupportedWords,
    IReadOnlyList<string> UnsupportedWords,
    IReadOnlyList<string> MissingFacts);

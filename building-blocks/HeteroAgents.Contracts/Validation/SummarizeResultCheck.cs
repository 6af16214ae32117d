using System.Globalization;
using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Summarize: the summary is not blank and has at most <c>max_words</c> words (<see cref="SummaryWords.Count"/>); when
/// grounding is on, its numbers, dates and names are in the source (<see cref="ResultCheckNames.SummaryFacts"/>) and at
/// least <c>minFaithfulness</c> of its content words are (<see cref="ResultCheckNames.SummaryFaithfulness"/>, see
/// <see cref="SummaryGrounding"/>).
/// </summary>
internal static class SummarizeResultCheck
{
    public static ResultProblem? Check(SummarizeInput input, JsonElement result, double? minFaithfulness)
    {
        if (!ResultFields.TryGetString(result, "summary", out var summary))
        {
            return ResultFields.NoString(ResultCheckNames.MaxWords, "summary");
        }

        var words = SummaryWords.Count(summary);
        if (words == 0)
        {
            return new(ResultCheckNames.NonEmpty, "summary is empty");
        }

        if (words > input.MaxWords)
        {
            return new(ResultCheckNames.MaxWords, $"summary has {words} words; max_words is {input.MaxWords}");
        }

        if (minFaithfulness is not { } minimum)
        {
            return null;
        }

        var grounding = SummaryGrounding.Evaluate(input.Text, summary);
        if (grounding.MissingFacts.Count > 0)
        {
            return new(ResultCheckNames.SummaryFacts, $"the summary states {string.Join(", ", grounding.MissingFacts.Take(5).Select(f => $"\"{f}\""))}, which the source does not contain");
        }

        return grounding.Faithfulness >= minimum
            ? null
            : new(ResultCheckNames.SummaryFaithfulness, string.Create(CultureInfo.InvariantCulture,
                $"{grounding.SupportedWords} of {grounding.ContentWords} content words of the summary are in the source (faithfulness {grounding.Faithfulness:0.##} < {minimum:0.##}); not in the source: {string.Join(", ", grounding.UnsupportedWords.Take(8))}"));
    }
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Summarize: the summary is not blank and has at most <c>max_words</c> words (<see cref="SummaryWords.Count"/>).</summary>
internal static class SummarizeResultCheck
{
    public static ResultProblem? Check(SummarizeInput input, JsonElement result)
    {
        if (!ResultFields.TryGetString(result, "summary", out var summary))
        {
            return ResultFields.NoString(ResultCheckNames.MaxWords, "summary");
        }

        var words = SummaryWords.Count(summary);
        return words switch
        {
            0 => new(ResultCheckNames.NonEmpty, "summary is empty"),
            _ when words > input.MaxWords => new(ResultCheckNames.MaxWords, $"summary has {words} words; max_words is {input.MaxWords}"),
            _ => null,
        };
    }
}

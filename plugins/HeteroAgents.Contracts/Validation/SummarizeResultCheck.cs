using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Summarize: the summary is not blank and has at most <c>max_words</c> words (<see cref="SummaryWords.Count"/>).</summary>
internal static class SummarizeResultCheck
{
    public static ResultProblem? Check(SummarizeInput input, JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.String)
        {
            return new(ResultChecks.MaxWords, "result has no string 'summary'");
        }

        var words = SummaryWords.Count(summary.GetString()!);
        return words switch
        {
            0 => new(ResultChecks.NonEmpty, "summary is empty"),
            _ when words > input.MaxWords => new(ResultChecks.MaxWords, $"summary has {words} words; max_words is {input.MaxWords}"),
            _ => null,
        };
    }
}

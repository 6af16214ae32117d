using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Summarize: the summary is not blank and has at most <c>max_words</c> words (runs of non-whitespace).</summary>
public sealed class SummarizeResultValidator : ISemanticValidator<SummarizeTask>
{
    /// <inheritdoc />
    public ValueTask<ValidationProblem?> ValidateAsync(SummarizeTask task, JsonElement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("summary", out var summary) || summary.ValueKind != JsonValueKind.String)
        {
            return ValueTask.FromResult<ValidationProblem?>(new("max_words", "result has no string 'summary'"));
        }

        var words = CountWords(summary.GetString()!);
        ValidationProblem? problem = words switch
        {
            0 => new("non_empty", "summary is empty"),
            _ when words > task.Input.MaxWords => new("max_words", $"summary has {words} words; max_words is {task.Input.MaxWords}"),
            _ => null,
        };
        return ValueTask.FromResult(problem);
    }

    /// <summary>Counts words as maximal runs of non-whitespace characters (<see cref="SummaryWords.Count"/>).</summary>
    public static int CountWords(string text) => SummaryWords.Count(text);
}

using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Summarize input: a text and a positive <c>max_words</c>.</summary>
public sealed class SummarizeInputChecker : IInputChecker<SummarizeTask>
{
    /// <inheritdoc />
    public ValueTask<TaskError?> CheckAsync(SummarizeTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        TaskError? error = task.Input switch
        {
            null => InputErrors.Invalid("input", "is missing"),
            { Text: null } => InputErrors.Invalid("input.text", "is missing"),
            { MaxWords: < 1 } i => InputErrors.Invalid("input.max_words", $"must be at least 1; got {i.MaxWords}"),
            _ => null,
        };
        return ValueTask.FromResult(error);
    }
}

using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Classify input: a text, and at least two distinct non-blank labels.</summary>
public sealed class ClassifyInputChecker : IInputChecker<ClassifyTask>
{
    /// <inheritdoc />
    public ValueTask<TaskError?> CheckAsync(ClassifyTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ValueTask.FromResult(Check(task.Input));
    }

    private static TaskError? Check(ClassifyInput? input)
    {
        if (input is null)
        {
            return InputErrors.Invalid("input", "is missing");
        }

        if (input.Text is null)
        {
            return InputErrors.Invalid("input.text", "is missing");
        }

        if (input.Labels is null || input.Labels.Count < 2)
        {
            return InputErrors.Invalid("input.labels", $"needs at least two labels; got {input.Labels?.Count ?? 0}");
        }

        for (var i = 0; i < input.Labels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(input.Labels[i]))
            {
                return InputErrors.Invalid($"input.labels[{i}]", "is blank");
            }
        }

        var duplicate = input.Labels.GroupBy(l => l, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? null : InputErrors.Invalid("input.labels", $"label '{duplicate.Key}' appears more than once");
    }
}

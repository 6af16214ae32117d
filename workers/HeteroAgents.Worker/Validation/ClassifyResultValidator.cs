using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Classify: the label is one of the task's labels (exact, case-sensitive match).</summary>
public sealed class ClassifyResultValidator : ISemanticValidator<ClassifyTask>
{
    /// <inheritdoc />
    public ValueTask<ValidationProblem?> ValidateAsync(ClassifyTask task, JsonElement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String)
        {
            return ValueTask.FromResult<ValidationProblem?>(new("label_in_set", "result has no string 'label'"));
        }

        var value = label.GetString()!;
        return ValueTask.FromResult(task.Input.Labels.Contains(value, StringComparer.Ordinal)
            ? null
            : new ValidationProblem("label_in_set", $"label '{value}' is not one of [{string.Join(", ", task.Input.Labels)}]"));
    }
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Classify: the label is one of the task's labels (exact, case-sensitive match).</summary>
internal static class ClassifyResultCheck
{
    public static ResultProblem? Check(ClassifyInput input, JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("label", out var label) || label.ValueKind != JsonValueKind.String)
        {
            return new(ResultChecks.LabelInSet, "result has no string 'label'");
        }

        var value = label.GetString()!;
        return input.Labels.Contains(value, StringComparer.Ordinal)
            ? null
            : new ResultProblem(ResultChecks.LabelInSet, $"label '{value}' is not one of [{string.Join(", ", input.Labels)}]");
    }
}

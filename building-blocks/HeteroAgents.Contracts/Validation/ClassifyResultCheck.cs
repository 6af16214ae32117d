using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Classify: the label is one of the task's labels (exact, case-sensitive match).</summary>
internal static class ClassifyResultCheck
{
    public static ResultProblem? Check(ClassifyInput input, JsonElement result)
    {
        if (!ResultFields.TryGetString(result, "label", out var label))
        {
            return ResultFields.NoString(ResultCheckNames.LabelInSet, "label");
        }

        return input.Labels.Contains(label, StringComparer.Ordinal)
            ? null
            : new ResultProblem(ResultCheckNames.LabelInSet, $"label '{label}' is not one of [{string.Join(", ", input.Labels)}]");
    }
}

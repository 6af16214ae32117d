using HeteroAgents.Contracts;

namespace HeteroAgents.Plugins;

/// <summary>
/// Checks a task before anything is published, so that a bad call fails at once with an <see cref="ArgumentException"/>
/// instead of costing a round trip and an escalation. The rules are Contracts' <see cref="TaskInputRules"/> (the same
/// the batch parser and the workers apply); this class only maps their first problem to an exception whose
/// <see cref="ArgumentException.ParamName"/> is the plugin parameter at fault (<c>text</c>, <c>labels</c>,
/// <c>schema</c>, <c>request</c>, <c>tools</c>, <c>max_words</c>) and whose message is the problem's.
/// </summary>
public static class TaskArgumentChecks
{
    /// <summary>
    /// Throws when <paramref name="task"/> cannot be published under <paramref name="rules"/> (default
    /// <see cref="TaskInputRules.Default"/>; the plugin client passes rules carrying its <c>MaxTextChars</c> limit).
    /// </summary>
    /// <exception cref="ArgumentException">The task is invalid; <see cref="ArgumentException.ParamName"/> names the parameter.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>max_words</c> is out of range.</exception>
    public static void ThrowIfInvalid(ITaskMessage task, TaskInputRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.BatchId, "batch_id");
        ArgumentNullException.ThrowIfNull(task.CustomId, "custom_id");
        if ((rules ?? TaskInputRules.Default).FirstProblem(task) is { } problem)
        {
            throw ToException(problem);
        }
    }

    /// <summary>The exception a plugin call with <paramref name="problem"/> throws.</summary>
    public static ArgumentException ToException(InputProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var parameter = ParameterName(problem.Field);
        return parameter == "max_words"
            ? new ArgumentOutOfRangeException(parameter, problem.Message)
            : new ArgumentException(problem.Message, parameter);
    }

    /// <summary>The plugin parameter a field path points into: <c>input.tools[0].parameters</c> → <c>tools</c>.</summary>
    public static string ParameterName(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var name = field.StartsWith("input.", StringComparison.Ordinal) ? field["input.".Length..] : field;
        var end = name.IndexOfAny(['.', '[']);
        return end < 0 ? name : name[..end];
    }
}

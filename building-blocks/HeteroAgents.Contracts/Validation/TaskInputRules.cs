using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// The one set of rules a task's input must meet, per task type: required texts present and not blank (and within
/// <see cref="TaskInputLimits.MaxTextChars"/> when set), at least two unique labels, a usable extraction schema, at
/// least one tool with a unique name and a usable parameters schema, <c>max_words</c> in range. Each problem names the
/// field's JSON path, a <see cref="TaskErrorCodes"/> code and the value at fault. The batch parser, the workers (on
/// every consumed task) and the SK plugins (before publishing) all check with this class, so a bad input is rejected
/// with the same code and message wherever it enters. Values that a typed input cannot hold but a deserialized message
/// can (null texts, lists or tools) are reported as missing. Thread-safe.
/// </summary>
public sealed class TaskInputRules
{
    private readonly SchemaChecker _schemas;

    /// <summary>Creates the rules with the given limits, compiling schemas through <paramref name="schemas"/>.</summary>
    public TaskInputRules(TaskInputLimits limits, JsonSchemaCache schemas)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(schemas);
        Limits = limits;
        _schemas = new SchemaChecker(schemas);
    }

    /// <summary>The rules with <see cref="TaskInputLimits.Default"/> and <see cref="JsonSchemaCache.Shared"/>.</summary>
    public static TaskInputRules Default { get; } = new(TaskInputLimits.Default, JsonSchemaCache.Shared);

    /// <summary>The limits applied.</summary>
    public TaskInputLimits Limits { get; }

    /// <summary>The problems with <paramref name="task"/>'s input, in field order; empty when it can be served.</summary>
    public IReadOnlyList<InputProblem> Check(ITaskMessage task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return task.Kind.CheckInput(task, this);
    }

    /// <summary>The first problem with <paramref name="task"/>'s input, or null when it can be served.</summary>
    public InputProblem? FirstProblem(ITaskMessage task) => Check(task) is [var first, ..] ? first : null;

    /// <summary>Classify: a text, and at least two unique, non-blank labels.</summary>
    public IReadOnlyList<InputProblem> CheckClassify(ClassifyInput? input) => Collect(input, (i, problems) =>
    {
        CheckText(i.Text, "input.text", problems);
        CheckLabels(i.Labels, problems);
    });

    /// <summary>Extract: a text, and an object schema that names its properties and loads as a JSON schema.</summary>
    public IReadOnlyList<InputProblem> CheckExtract(ExtractInput? input) => Collect(input, (i, problems) =>
    {
        CheckText(i.Text, "input.text", problems);
        CheckSchema(i.Schema, "input.schema", requireProperties: true, problems);
    });

    /// <summary>Tool call: a request, and at least one tool, each with a unique non-blank name and an object parameters schema.</summary>
    public IReadOnlyList<InputProblem> CheckToolCall(ToolCallInput? input) => Collect(input, (i, problems) =>
    {
        CheckText(i.Request, "input.request", problems);
        CheckTools(i.Tools, problems);
    });

    /// <summary>Summarize: a text, and 1 ≤ <c>max_words</c> ≤ <see cref="TaskInputLimits.MaxSummaryWords"/>.</summary>
    public IReadOnlyList<InputProblem> CheckSummarize(SummarizeInput? input) => Collect(input, (i, problems) =>
    {
        CheckText(i.Text, "input.text", problems);
        if (i.MaxWords < 1 || i.MaxWords > Limits.MaxSummaryWords)
        {
            problems.Add(Invalid("input.max_words", $"input.max_words must be between 1 and {Limits.MaxSummaryWords}, not {i.MaxWords}"));
        }
    });

    private static List<InputProblem> Collect<TInput>(TInput? input, Action<TInput, List<InputProblem>> rules)
        where TInput : class
    {
        if (input is null)
        {
            return [Invalid("input", "input is required and must be an object")];
        }

        var problems = new List<InputProblem>();
        rules(input, problems);
        return problems;
    }

    private static void CheckLabels(IReadOnlyList<string>? labels, List<InputProblem> problems)
    {
        if (labels is null)
        {
            problems.Add(Invalid("input.labels", "input.labels is required and must hold at least two labels"));
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            if (string.IsNullOrWhiteSpace(label))
            {
                problems.Add(Invalid($"input.labels[{i}]", $"input.labels[{i}] is {(label is null ? "null" : "blank")}; labels must be non-empty strings"));
            }
            else if (!seen.Add(label))
            {
                problems.Add(Invalid("input.labels", $"input.labels[{i}] '{label}' is a duplicate; labels must be unique"));
            }
        }

        if (labels.Count < 2)
        {
            problems.Add(Invalid("input.labels", $"input.labels must hold at least two labels; got {labels.Count}"));
        }
    }

    private void CheckTools(IReadOnlyList<ToolDefinition>? tools, List<InputProblem> problems)
    {
        if (tools is null || tools.Count == 0)
        {
            problems.Add(Invalid("input.tools", tools is null
                ? "input.tools is required and must list at least one tool"
                : "input.tools must list at least one tool"));
            return;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tools.Count; i++)
        {
            var path = $"input.tools[{i}]";
            var tool = tools[i];
            if (tool is null)
            {
                problems.Add(Invalid(path, $"{path} must be an object with name, description and parameters, not null"));
                continue;
            }

            if (CheckText(tool.Name, path + ".name", problems, TaskInputLimits.MaxToolNameChars, null) && !names.Add(tool.Name))
            {
                problems.Add(Invalid(path + ".name", $"{path}.name \"{tool.Name}\" is already the name of another tool; tool names must be unique"));
            }

            CheckSchema(tool.Parameters, path + ".parameters", requireProperties: false, problems);
        }
    }

    /// <summary>
    /// Adds to <paramref name="problems"/> why <paramref name="text"/> at <paramref name="field"/> (e.g. <c>input.text</c>)
    /// is not a usable text (missing, blank, over <see cref="TaskInputLimits.MaxTextChars"/>); true when it is. For a kind's rules.
    /// </summary>
    public bool CheckText(string? text, string field, List<InputProblem> problems) =>
        CheckText(text, field, problems, Limits.MaxTextChars, Limits.MaxTextCharsSetting);

    private static bool CheckText(string? text, string field, List<InputProblem> problems, int? maxChars, string? setting)
    {
        if (text is null)
        {
            problems.Add(Invalid(field, $"{field} is required and must be a non-empty string"));
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(Invalid(field, $"{field} must not be empty"));
            return false;
        }

        if (text.Length > maxChars)
        {
            var key = setting is null ? string.Empty : $" ({setting})";
            problems.Add(new InputProblem(field, TaskErrorCodes.TextTooLarge, $"{field} has {text.Length:N0} characters; the limit is {maxChars:N0}{key}"));
            return false;
        }

        return true;
    }

    private void CheckSchema(JsonElement schema, string field, bool requireProperties, List<InputProblem> problems)
    {
        if (schema.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            problems.Add(Invalid(field, $"{field} is required and must be a JSON schema object"));
        }
        else if (_schemas.CheckObjectSchema(schema, field, requireProperties) is { } problem)
        {
            problems.Add(problem);
        }
    }

    private static InputProblem Invalid(string field, string message) => new(field, TaskErrorCodes.InvalidInput, message);
}

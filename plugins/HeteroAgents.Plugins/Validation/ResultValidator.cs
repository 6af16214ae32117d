using System.Text.Json;
using HeteroAgents.Contracts;
using NJsonSchema;

namespace HeteroAgents.Plugins;

/// <summary>
/// Checks a result against its task: the narrowed result schema (<see cref="ResultSchemas.For(ITaskMessage)"/>,
/// validated with NJsonSchema) plus the semantic checks a schema cannot express (label in the set, tool exists and
/// its arguments validate, summary within the word budget).
/// </summary>
public static class ResultValidator
{
    /// <summary>Returns the problems found in <paramref name="result"/>; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(ITaskMessage task, JsonElement result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var errors = new List<string>();
        if (result.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"the result must be a JSON object; got a JSON {result.ValueKind.ToString().ToLowerInvariant()}");
            return errors;
        }

        var schema = await JsonSchema.FromJsonAsync(ResultSchemas.ToJsonString(ResultSchemas.For(task)), cancellationToken).ConfigureAwait(false);
        var json = result.GetRawText();
        errors.AddRange(schema.Validate(json).Select(e => $"{(string.IsNullOrEmpty(e.Path) ? "#" : e.Path)}: {e.Kind}"));

        switch (task)
        {
            case ClassifyTask c:
                CheckClassify(c.Input, result, errors);
                break;
            case ToolCallTask t:
                await CheckToolCallAsync(t.Input, result, errors, cancellationToken).ConfigureAwait(false);
                break;
            case SummarizeTask s:
                CheckSummary(s.Input, result, errors);
                break;
        }

        return errors;
    }

    private static void CheckClassify(ClassifyInput input, JsonElement result, List<string> errors)
    {
        if (result.TryGetProperty("label", out var label) && label.ValueKind == JsonValueKind.String
            && !input.Labels.Contains(label.GetString()!, StringComparer.Ordinal))
        {
            errors.Add($"label '{label.GetString()}' is not one of: {string.Join(", ", input.Labels)}");
        }
    }

    private static async Task CheckToolCallAsync(ToolCallInput input, JsonElement result, List<string> errors, CancellationToken cancellationToken)
    {
        if (!result.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
        {
            return; // the schema check already reported it
        }

        var tool = input.Tools.FirstOrDefault(t => t.Name == name.GetString());
        if (tool is null)
        {
            errors.Add($"tool '{name.GetString()}' does not exist; tools: {string.Join(", ", input.Tools.Select(t => t.Name))}");
            return;
        }

        if (!result.TryGetProperty("arguments", out var arguments))
        {
            return;
        }

        var parameters = await JsonSchema.FromJsonAsync(tool.Parameters.GetRawText(), cancellationToken).ConfigureAwait(false);
        errors.AddRange(parameters.Validate(arguments.GetRawText()).Select(e => $"arguments{(string.IsNullOrEmpty(e.Path) ? string.Empty : "." + e.Path.TrimStart('#', '/', '.'))}: {e.Kind}"));
    }

    private static void CheckSummary(SummarizeInput input, JsonElement result, List<string> errors)
    {
        if (result.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.String)
        {
            var words = SummaryWords.Count(summary.GetString()!);
            if (words > input.MaxWords)
            {
                errors.Add($"summary has {words} words; max_words is {input.MaxWords}");
            }
        }
    }
}

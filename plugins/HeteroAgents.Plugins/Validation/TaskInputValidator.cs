using System.Text.Json;
using HeteroAgents.Contracts;
using NJsonSchema;

namespace HeteroAgents.Plugins;

/// <summary>
/// Checks a task's input before anything is published, so that a bad call fails at once with an
/// <see cref="ArgumentException"/> naming the parameter (<c>text</c>, <c>labels</c>, <c>schema</c>, <c>tools</c>,
/// <c>max_words</c>) and the value at fault, instead of costing a round trip and an escalation.
/// </summary>
public static class TaskInputValidator
{
    /// <summary>Largest accepted <c>max_words</c> of a summarize task.</summary>
    public const int MaxSummaryWords = 2000;

    /// <summary>Validates any typed task message.</summary>
    /// <exception cref="ArgumentException">The input is invalid; <see cref="ArgumentException.ParamName"/> names the field.</exception>
    public static Task ValidateAsync(ITaskMessage task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(task.BatchId, "batch_id");
        ArgumentNullException.ThrowIfNull(task.CustomId, "custom_id");
        switch (task)
        {
            case ClassifyTask c:
                ValidateClassify(c.Input);
                return Task.CompletedTask;
            case ExtractTask e:
                return ValidateExtractAsync(e.Input, cancellationToken);
            case ToolCallTask t:
                return ValidateToolCallAsync(t.Input, cancellationToken);
            case SummarizeTask s:
                ValidateSummarize(s.Input);
                return Task.CompletedTask;
            default:
                throw new ArgumentException($"Unknown task message type {task.GetType().Name}.", nameof(task));
        }
    }

    /// <summary>Classify: non-empty text, at least two labels, no empty or duplicate label.</summary>
    public static void ValidateClassify(ClassifyInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireText(input.Text, "text");
        if (input.Labels is null || input.Labels.Count < 2)
        {
            throw new ArgumentException($"labels must hold at least two labels; got {input.Labels?.Count ?? 0}.", "labels");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Labels.Count; i++)
        {
            var label = input.Labels[i];
            if (string.IsNullOrWhiteSpace(label))
            {
                throw new ArgumentException($"labels[{i}] is empty.", "labels");
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException($"labels[{i}] '{label}' is a duplicate.", "labels");
            }
        }
    }

    /// <summary>Extract: non-empty text and an object schema that parses as a JSON schema.</summary>
    public static async Task ValidateExtractAsync(ExtractInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireText(input.Text, "text");
        await RequireObjectSchemaAsync(input.Schema, "schema", "schema", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tool call: non-empty request, at least one tool, unique non-empty names, object parameter schemas.</summary>
    public static async Task ValidateToolCallAsync(ToolCallInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireText(input.Request, "request");
        if (input.Tools is null || input.Tools.Count == 0)
        {
            throw new ArgumentException("tools must hold at least one tool; got none.", "tools");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Tools.Count; i++)
        {
            var tool = input.Tools[i] ?? throw new ArgumentException($"tools[{i}] is null.", "tools");
            if (string.IsNullOrWhiteSpace(tool.Name))
            {
                throw new ArgumentException($"tools[{i}].name is empty.", "tools");
            }

            if (!names.Add(tool.Name))
            {
                throw new ArgumentException($"tools[{i}].name '{tool.Name}' is a duplicate.", "tools");
            }

            await RequireObjectSchemaAsync(tool.Parameters, "tools", $"tools[{i}].parameters", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Summarize: non-empty text and 1 ≤ max_words ≤ <see cref="MaxSummaryWords"/>.</summary>
    public static void ValidateSummarize(SummarizeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        RequireText(input.Text, "text");
        if (input.MaxWords is < 1 or > MaxSummaryWords)
        {
            throw new ArgumentOutOfRangeException("max_words", input.MaxWords, $"max_words must be between 1 and {MaxSummaryWords}.");
        }
    }

    private static void RequireText(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{name} is empty.", name);
        }
    }

    private static async Task RequireObjectSchemaAsync(JsonElement schema, string parameter, string path, CancellationToken cancellationToken)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{path} must be a JSON schema object; got a JSON {schema.ValueKind.ToString().ToLowerInvariant()}.", parameter);
        }

        if (!schema.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "object")
        {
            throw new ArgumentException($"{path} must describe an object (\"type\": \"object\"); got type {(schema.TryGetProperty("type", out var t) ? t.GetRawText() : "missing")}.", parameter);
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"{path}.properties must be an object; got a JSON {properties.ValueKind.ToString().ToLowerInvariant()}.", parameter);
        }

        try
        {
            await JsonSchema.FromJsonAsync(schema.GetRawText(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new ArgumentException($"{path} is not a valid JSON schema: {ex.Message}", parameter, ex);
        }
    }
}

using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Reads the <c>input</c> object of each task type into its typed input, checking its shape.</summary>
internal static class TaskInputReaders
{
    public static ClassifyInput ReadClassify(JsonElement input, TaskInputParserOptions options)
    {
        InputFields.RejectUnknown(input, "input", "text", "labels", "instructions");
        var text = InputFields.RequireText(input, "input", "text", options.MaxTextChars);
        var labelsElement = InputFields.RequireArray(input, "input", "labels");
        var labels = new List<string>(labelsElement.GetArrayLength());
        foreach (var item in labelsElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                throw InputFields.Invalid("input.labels", $"must be an array of >= 2 unique non-empty strings; item {labels.Count} is {InputFields.Describe(item)}");
            }

            var label = item.GetString()!;
            if (labels.Contains(label, StringComparer.Ordinal))
            {
                throw InputFields.Invalid("input.labels", $"must be an array of >= 2 unique non-empty strings; \"{label}\" appears twice");
            }

            labels.Add(label);
        }

        if (labels.Count < 2)
        {
            throw InputFields.Invalid("input.labels", $"must be an array of >= 2 unique non-empty strings; it has {labels.Count}");
        }

        return new ClassifyInput(text, labels, InputFields.OptionalString(input, "input", "instructions"));
    }

    public static ExtractInput ReadExtract(JsonElement input, TaskInputParserOptions options)
    {
        InputFields.RejectUnknown(input, "input", "text", "schema", "instructions");
        var text = InputFields.RequireText(input, "input", "text", options.MaxTextChars);
        if (!input.TryGetProperty("schema", out var schema) || schema.ValueKind == JsonValueKind.Null)
        {
            throw InputFields.Invalid("input.schema", "is required and must be a JSON schema object");
        }

        SchemaChecker.CheckObjectSchema(schema, "input.schema", requireProperties: true);
        return new ExtractInput(text, schema.Clone(), InputFields.OptionalString(input, "input", "instructions"));
    }

    public static ToolCallInput ReadToolCall(JsonElement input, TaskInputParserOptions options)
    {
        InputFields.RejectUnknown(input, "input", "request", "tools");
        var request = InputFields.RequireText(input, "input", "request", options.MaxTextChars);
        var toolsElement = InputFields.RequireArray(input, "input", "tools");
        var tools = new List<ToolDefinition>(toolsElement.GetArrayLength());
        foreach (var item in toolsElement.EnumerateArray())
        {
            var path = $"input.tools[{tools.Count}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw InputFields.Invalid(path, $"must be an object with name, description and parameters, not {InputFields.Kind(item)}");
            }

            InputFields.RejectUnknown(item, path, "name", "description", "parameters");
            var name = InputFields.RequireText(item, path, "name", 256);
            if (tools.Exists(t => t.Name == name))
            {
                throw InputFields.Invalid(path + ".name", $"\"{name}\" is already the name of another tool; tool names must be unique");
            }

            var description = InputFields.OptionalString(item, path, "description") ?? string.Empty;
            var parameters = item.TryGetProperty("parameters", out var p) && p.ValueKind != JsonValueKind.Null
                ? p
                : throw InputFields.Invalid(path + ".parameters", "is required and must be a JSON schema object");
            SchemaChecker.CheckObjectSchema(parameters, path + ".parameters", requireProperties: false);
            tools.Add(new ToolDefinition(name, description, parameters.Clone()));
        }

        if (tools.Count == 0)
        {
            throw InputFields.Invalid("input.tools", "must list at least one tool");
        }

        return new ToolCallInput(request, tools);
    }

    public static SummarizeInput ReadSummarize(JsonElement input, TaskInputParserOptions options)
    {
        InputFields.RejectUnknown(input, "input", "text", "max_words");
        var text = InputFields.RequireText(input, "input", "text", options.MaxTextChars);
        var maxWords = InputFields.OptionalInt(input, "input", "max_words", 60, 1, options.MaxSummaryWords);
        return new SummarizeInput(text, maxWords);
    }
}

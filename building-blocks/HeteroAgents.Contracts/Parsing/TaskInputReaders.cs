using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Reads the <c>input</c> object of each task type into its typed input, rejecting unknown members and members of
/// the wrong JSON kind. Missing members are left null (as in a deserialized message) for <see cref="TaskInputRules"/>
/// to report, together with every other rule on the values.
/// </summary>
internal static class TaskInputReaders
{
    public static ClassifyInput ReadClassify(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", "text", "labels", "instructions");
        var text = InputFields.OptionalString(input, "input", "text");
        List<string>? labels = null;
        if (InputFields.OptionalArray(input, "input", "labels") is { } array)
        {
            labels = new List<string>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                labels.Add(item.ValueKind == JsonValueKind.String
                    ? item.GetString()!
                    : throw InputFields.Invalid("input.labels", $"must be an array of strings; item {labels.Count} is {JsonValues.Describe(item)}"));
            }
        }

        return new ClassifyInput(text!, labels!, InputFields.OptionalString(input, "input", "instructions"));
    }

    public static ExtractInput ReadExtract(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", "text", "schema", "instructions");
        return new ExtractInput(InputFields.OptionalString(input, "input", "text")!, InputFields.Raw(input, "schema"),
            InputFields.OptionalString(input, "input", "instructions"));
    }

    public static ToolCallInput ReadToolCall(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", "request", "tools");
        var request = InputFields.OptionalString(input, "input", "request");
        List<ToolDefinition>? tools = null;
        if (InputFields.OptionalArray(input, "input", "tools") is { } array)
        {
            tools = new List<ToolDefinition>(array.GetArrayLength());
            foreach (var item in array.EnumerateArray())
            {
                var path = $"input.tools[{tools.Count}]";
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw InputFields.Invalid(path, $"must be an object with name, description and parameters, not {JsonValues.Kind(item)}");
                }

                InputFields.RejectUnknown(item, path, "name", "description", "parameters");
                tools.Add(new ToolDefinition(InputFields.OptionalString(item, path, "name")!,
                    InputFields.OptionalString(item, path, "description") ?? string.Empty, InputFields.Raw(item, "parameters")));
            }
        }

        return new ToolCallInput(request!, tools!);
    }

    public static SummarizeInput ReadSummarize(JsonElement input)
    {
        InputFields.RejectUnknown(input, "input", "text", "max_words");
        var text = InputFields.OptionalString(input, "input", "text");
        return InputFields.OptionalInt(input, "input", "max_words") is { } maxWords ? new SummarizeInput(text!, maxWords) : new SummarizeInput(text!);
    }
}

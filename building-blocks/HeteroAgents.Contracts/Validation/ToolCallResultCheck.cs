using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>Tool call: the named tool is one of the task's tools, and the arguments validate against that tool's parameters schema.</summary>
internal static class ToolCallResultCheck
{
    public static ResultProblem? Check(ToolCallInput input, JsonElement result, JsonSchemaCache schemas)
    {
        if (!ResultFields.TryGetString(result, "name", out var name))
        {
            return ResultFields.NoString(ResultCheckNames.ToolExists, "name");
        }

        var tool = input.Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        if (tool is null)
        {
            return new(ResultCheckNames.ToolExists, $"tool '{name}' is not one of [{string.Join(", ", input.Tools.Select(t => t.Name))}]");
        }

        if (!result.TryGetProperty("arguments", out var arguments))
        {
            return new(ResultCheckNames.ToolArguments, $"result has no 'arguments' for tool '{name}'");
        }

        if (tool.Parameters.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var errors = SchemaErrors.Describe(schemas.Get(tool.Parameters.GetRawText()).Validate(arguments.GetRawText()));
        return errors.Count == 0
            ? null
            : new ResultProblem(ResultCheckNames.ToolArguments, $"arguments of tool '{name}' do not match its parameters schema: {string.Join("; ", errors)}");
    }
}

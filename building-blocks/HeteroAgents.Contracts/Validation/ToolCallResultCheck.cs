using System.Text.Json;

namespace HeteroAgents.Contracts;

/// <summary>
/// Tool call: the named tool is one of the task's tools, the arguments validate against that tool's parameters schema,
/// and (when <c>ground</c>) every string and number argument is grounded in the request
/// (<see cref="ResultCheckNames.ArgumentInRequest"/>, rules of <see cref="GroundedValuesCheck"/>: parameters with an
/// <c>enum</c>, <c>const</c>, any <c>format</c>, <see cref="GroundingKeywords.FreeText"/>, or a value equal to their
/// <c>default</c> are exempt).
/// </summary>
internal static class ToolCallResultCheck
{
    public static ResultProblem? Check(ToolCallInput input, JsonElement result, JsonSchemaCache schemas, bool ground)
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

        if (tool.Parameters.ValueKind != JsonValueKind.Undefined)
        {
            var errors = SchemaErrors.Describe(schemas.Validate(tool.Parameters.GetRawText(), arguments.GetRawText()));
            if (errors.Count > 0)
            {
                return new ResultProblem(ResultCheckNames.ToolArguments, $"arguments of tool '{name}' do not match its parameters schema: {string.Join("; ", errors)}");
            }
        }

        JsonElement? parameters = tool.Parameters.ValueKind == JsonValueKind.Undefined ? null : tool.Parameters;
        return ground
            ? new GroundedValuesCheck(new SourceGrounding(input.Request, "request"), GroundingRules.ToolArguments).Check(arguments, parameters, "$.arguments")
            : null;
    }
}

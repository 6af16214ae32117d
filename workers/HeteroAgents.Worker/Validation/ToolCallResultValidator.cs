using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Tool call: the named tool is one of the task's tools, and the arguments validate against that tool's parameters schema.</summary>
public sealed class ToolCallResultValidator(SchemaCache schemas) : ISemanticValidator<ToolCallTask>
{
    /// <inheritdoc />
    public async ValueTask<ValidationProblem?> ValidateAsync(ToolCallTask task, JsonElement result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
        {
            return new ValidationProblem("tool_exists", "result has no string 'name'");
        }

        var name = nameElement.GetString()!;
        var tool = task.Input.Tools.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
        if (tool is null)
        {
            return new ValidationProblem("tool_exists", $"tool '{name}' is not one of [{string.Join(", ", task.Input.Tools.Select(t => t.Name))}]");
        }

        if (!result.TryGetProperty("arguments", out var arguments))
        {
            return new ValidationProblem("tool_arguments", $"result has no 'arguments' for tool '{name}'");
        }

        if (tool.Parameters.ValueKind == JsonValueKind.Undefined)
        {
            return null;
        }

        var schema = await schemas.GetAsync(tool.Parameters.GetRawText()).ConfigureAwait(false);
        var errors = ResultSchemaValidator.Describe(schema.Validate(arguments.GetRawText()));
        return errors.Count == 0
            ? null
            : new ValidationProblem("tool_arguments", $"arguments of tool '{name}' do not match its parameters schema: {string.Join("; ", errors)}");
    }
}

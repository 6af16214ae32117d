using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Tool-call input: a request, and at least one tool, with unique non-blank names and valid parameters schemas.</summary>
public sealed class ToolCallInputChecker(SchemaCache schemas) : IInputChecker<ToolCallTask>
{
    /// <inheritdoc />
    public async ValueTask<TaskError?> CheckAsync(ToolCallTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var input = task.Input;
        if (input is null)
        {
            return InputErrors.Invalid("input", "is missing");
        }

        if (input.Request is null)
        {
            return InputErrors.Invalid("input.request", "is missing");
        }

        if (input.Tools is null || input.Tools.Count == 0)
        {
            return InputErrors.Invalid("input.tools", "needs at least one tool");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Tools.Count; i++)
        {
            var tool = input.Tools[i];
            if (tool is null || string.IsNullOrWhiteSpace(tool.Name))
            {
                return InputErrors.Invalid($"input.tools[{i}].name", "is missing");
            }

            if (!names.Add(tool.Name))
            {
                return InputErrors.Invalid($"input.tools[{i}].name", $"tool '{tool.Name}' appears more than once");
            }

            if (tool.Parameters.ValueKind != JsonValueKind.Object)
            {
                return InputErrors.Invalid($"input.tools[{i}].parameters", $"must be a JSON schema object; got {ExtractInputChecker.Describe(tool.Parameters.ValueKind)}");
            }

            try
            {
                await schemas.GetAsync(tool.Parameters.GetRawText()).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any parse failure of a caller's schema is the caller's error, reported as such.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return InputErrors.Invalid($"input.tools[{i}].parameters", $"is not a valid JSON schema: {ex.Message}");
            }
        }

        return null;
    }
}

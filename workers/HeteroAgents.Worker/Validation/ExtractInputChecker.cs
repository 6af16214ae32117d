using System.Text.Json;
using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Extract input: a text, and a schema that is a JSON object and a valid JSON schema.</summary>
public sealed class ExtractInputChecker(SchemaCache schemas) : IInputChecker<ExtractTask>
{
    /// <inheritdoc />
    public async ValueTask<TaskError?> CheckAsync(ExtractTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var input = task.Input;
        if (input is null)
        {
            return InputErrors.Invalid("input", "is missing");
        }

        if (input.Text is null)
        {
            return InputErrors.Invalid("input.text", "is missing");
        }

        if (input.Schema.ValueKind != JsonValueKind.Object)
        {
            return InputErrors.Invalid("input.schema", $"must be a JSON schema object; got {Describe(input.Schema.ValueKind)}");
        }

        try
        {
            await schemas.GetAsync(input.Schema.GetRawText()).ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // Any parse failure of a caller's schema is the caller's error, reported as such.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return InputErrors.Invalid("input.schema", $"is not a valid JSON schema: {ex.Message}");
        }
    }

    internal static string Describe(JsonValueKind kind) => kind == JsonValueKind.Undefined ? "nothing" : kind.ToString().ToLowerInvariant();
}

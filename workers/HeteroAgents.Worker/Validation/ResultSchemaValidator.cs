using System.Text.Json.Nodes;
using HeteroAgents.Contracts;
using NJsonSchema.Validation;

namespace HeteroAgents.Worker.Validation;

/// <summary>Validates a result against the task's result schema (<see cref="ResultSchemas.For(ITaskMessage)"/>) with NJsonSchema.</summary>
public sealed class ResultSchemaValidator(SchemaCache cache)
{
    private const int MaxReportedErrors = 5;

    /// <summary>
    /// The schema violations of <paramref name="resultJson"/>, each as <c>path: kind</c>; empty when valid.
    /// Errors inside <c>anyOf</c>/<c>oneOf</c> branches are listed with their branch.
    /// </summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(JsonNode schema, string resultJson)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(resultJson);
        var compiled = await cache.GetAsync(ResultSchemas.ToJsonString(schema)).ConfigureAwait(false);
        var errors = compiled.Validate(resultJson);
        var messages = new List<string>();
        Flatten(errors, messages, prefix: string.Empty);
        return messages;
    }

    /// <summary>Describes NJsonSchema errors as <c>path: kind</c> lines, at most a handful.</summary>
    public static IReadOnlyList<string> Describe(ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var messages = new List<string>();
        Flatten(errors, messages, prefix: string.Empty);
        return messages;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> messages, string prefix)
    {
        foreach (var error in errors)
        {
            if (messages.Count >= MaxReportedErrors)
            {
                return;
            }

            var path = string.IsNullOrEmpty(error.Path) ? "#" : error.Path;
            messages.Add($"{prefix}{path}: {error.Kind}");
            if (error is ChildSchemaValidationError child)
            {
                var branch = 0;
                foreach (var nested in child.Errors.Values)
                {
                    Flatten(nested, messages, $"{prefix}[branch {branch}] ");
                    branch++;
                }
            }
        }
    }
}

using NJsonSchema.Validation;

namespace HeteroAgents.Contracts;

/// <summary>Describes NJsonSchema validation errors as <c>path: kind</c> lines, at most a handful, branches included.</summary>
internal static class SchemaErrors
{
    private const int MaxReported = 5;

    public static IReadOnlyList<string> Describe(ICollection<ValidationError> errors)
    {
        var messages = new List<string>();
        Flatten(errors, messages, prefix: string.Empty);
        return messages;
    }

    private static void Flatten(IEnumerable<ValidationError> errors, List<string> messages, string prefix)
    {
        foreach (var error in errors)
        {
            if (messages.Count >= MaxReported)
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

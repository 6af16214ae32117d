using HeteroAgents.Contracts;

namespace HeteroAgents.Worker.Validation;

/// <summary>Builds <c>invalid_input</c> errors that name the field at fault.</summary>
public static class InputErrors
{
    /// <summary>The error code of task inputs the worker cannot serve.</summary>
    public const string InvalidInputCode = TaskErrorCodes.InvalidInput;

    /// <summary>An <c>invalid_input</c> error for <paramref name="field"/> (a JSON path such as <c>input.labels</c>).</summary>
    public static TaskError Invalid(string field, string message) => new(InvalidInputCode, $"{field}: {message}", Field: field);
}

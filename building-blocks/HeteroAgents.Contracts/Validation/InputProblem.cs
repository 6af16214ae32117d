namespace HeteroAgents.Contracts;

/// <summary>
/// One problem with a task's input, located by the JSON path of the field at fault. The same problem reads the same
/// wherever it is found: in a batch line, in a message a worker consumes, or in an SK plugin call.
/// </summary>
/// <param name="Field">The JSON path of the field at fault, e.g. <c>input.labels</c> or <c>input.tools[1].name</c>.</param>
/// <param name="Code">A <see cref="TaskErrorCodes"/> value: <c>invalid_input</c>, <c>invalid_schema</c> or <c>text_too_large</c>.</param>
/// <param name="Message">What is wrong, starting with the field and naming the value at fault.</param>
public sealed record InputProblem(string Field, string Code, string Message)
{
    /// <summary>The problem as a task error; with <paramref name="line"/>, the message is prefixed <c>line N: </c>.</summary>
    public TaskError ToTaskError(long? line = null) =>
        new(Code, line is { } n ? $"line {n}: {Message}" : Message, line, Field);

    /// <summary>The message.</summary>
    public override string ToString() => Message;
}

namespace HeteroAgents.Contracts;

/// <summary>
/// Thrown by a kind's input reader (<see cref="TaskKind.ReadTask"/>) when an <c>input</c> object does not have the
/// kind's shape (an unknown member, a member of the wrong JSON kind); each reader's caller turns it into its own error
/// (a failed batch line, an <see cref="ArgumentException"/>).
/// </summary>
public sealed class InputShapeException : Exception
{
    /// <summary>Creates the exception for <paramref name="field"/> (a JSON path such as <c>input.labels</c>) with a <see cref="TaskErrorCodes"/> code.</summary>
    public InputShapeException(string code, string field, string message)
        : base(message)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Creates the exception for the whole input.</summary>
    public InputShapeException()
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    /// <summary>Creates the exception for the whole input with a message.</summary>
    public InputShapeException(string message)
        : base(message)
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    /// <summary>Creates the exception for the whole input with a message and a cause.</summary>
    public InputShapeException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = TaskErrorCodes.InvalidInput;
        Field = "input";
    }

    /// <summary>The <see cref="TaskErrorCodes"/> code.</summary>
    public string Code { get; }

    /// <summary>The JSON path of the field at fault.</summary>
    public string Field { get; }
}
